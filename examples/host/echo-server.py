#!/usr/bin/env python3
"""The server of the classic socket tutorial, to run on the real host.

Listens on PORT (every address), accepts one connection, answers each line
with "thank you" and closes once the client has closed:

    python3 examples/host/echo-server.py 9000
    python3 examples/host/echo-server.py 9000 --close-first

With --close-first it closes right after its first answer, so the server is
the first to close.
"""
import argparse
import socket
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("port", type=int)
    parser.add_argument("--reply", default="thank you")
    parser.add_argument("--close-first", action="store_true",
                        help="close right after the first answer")
    args = parser.parse_args()

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("0.0.0.0", args.port))
        server.listen()
        conn, peer = server.accept()
        with conn:
            print(f"Connected by {peer[0]}:{peer[1]}", flush=True)
            pending = b""
            while True:
                data = conn.recv(1024)
                if not data:
                    print("The client closed the connection", flush=True)
                    break
                pending += data
                while b"\n" in pending:
                    line, pending = pending.split(b"\n", 1)
                    print(f"Received {line.decode()!r}", flush=True)
                    conn.sendall(args.reply.encode() + b"\n")
                    if args.close_first:
                        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
