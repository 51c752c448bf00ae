#!/usr/bin/env python3
"""A sink on the real host: takes one connection, reads until the peer closes.

Prints how many bytes arrived and their SHA-256, then closes:

    python3 examples/host/sink-server.py 9000
    python3 examples/host/sink-server.py 9000 --out received.bin

Compare with what the simulated bulk client sends:
    python3 examples/host/pattern.py 10MB | sha256sum
"""
import argparse
import hashlib
import socket
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("port", type=int)
    parser.add_argument("--out", help="also write the bytes to this file")
    args = parser.parse_args()

    digest = hashlib.sha256()
    total = 0
    out = open(args.out, "wb") if args.out else None
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("0.0.0.0", args.port))
        server.listen()
        conn, peer = server.accept()
        with conn:
            while True:
                data = conn.recv(1 << 16)
                if not data:
                    break
                digest.update(data)
                total += len(data)
                if out:
                    out.write(data)
    if out:
        out.close()
    print(f"received {total} bytes from {peer[0]}:{peer[1]} sha256 {digest.hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
