#!/usr/bin/env python3
"""The stream the simulated services send, to compare hashes with.

Writes SIZE bytes of the 64-bit big-endian counter 0, 1, 2, ... to stdout
(lifecycle-tcp-stream-pattern.h); SIZE takes B, kB, MB, GB (powers of 1000)
or KiB, MiB, GiB:

    python3 examples/host/pattern.py 10MB | sha256sum
"""
import re
import struct
import sys

UNITS = {"": 1, "B": 1, "kB": 10**3, "KB": 10**3, "MB": 10**6, "GB": 10**9,
         "KiB": 2**10, "MiB": 2**20, "GiB": 2**30}


def main():
    m = re.fullmatch(r"([0-9]+)([A-Za-z]*)", sys.argv[1] if len(sys.argv) == 2 else "")
    if not m or m.group(2) not in UNITS:
        print("usage: pattern.py SIZE (e.g. 1500, 64kB, 10MB, 2MiB)", file=sys.stderr)
        return 2
    size = int(m.group(1)) * UNITS[m.group(2)]
    out = sys.stdout.buffer
    word = 0
    block = 1 << 13  # words per write
    while size > 0:
        words = min(block, (size + 7) // 8)
        chunk = struct.pack(f">{words}Q", *range(word, word + words))[:size]
        out.write(chunk)
        size -= len(chunk)
        word += words
    return 0


if __name__ == "__main__":
    sys.exit(main())
