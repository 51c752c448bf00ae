#!/usr/bin/env python3
"""The client of the classic socket tutorial, to run on the real host.

Connects to HOST:PORT, sends a line, prints the answer and closes:

    python3 examples/host/echo-client.py 10.77.1.2 7
    python3 examples/host/echo-client.py 10.77.1.2 7 --message "hi there" --wait-close

With --wait-close it reads until the server closes the connection (end of
file) before closing its own side, so the server is the first to close.
Exit status: 0 when an answer arrived, 1 otherwise (the reason on stderr,
e.g. "connection refused").
"""
import argparse
import socket
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("--message", default="hello")
    parser.add_argument("--wait-close", action="store_true",
                        help="read until the server closes before closing")
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args()

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.settimeout(args.timeout)
            s.connect((args.host, args.port))
            s.sendall(args.message.encode() + b"\n")
            answer = b""
            while not answer.endswith(b"\n"):
                data = s.recv(1024)
                if not data:
                    break
                answer += data
            print(f"Received {answer.decode().rstrip()!r}")
            if args.wait_close:
                while s.recv(1024):
                    pass
                print("The server closed the connection")
    except ConnectionRefusedError:
        print(f"connection refused by {args.host}:{args.port}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"{args.host}:{args.port}: {e}", file=sys.stderr)
        return 1
    return 0 if answer.endswith(b"\n") else 1


if __name__ == "__main__":
    sys.exit(main())
