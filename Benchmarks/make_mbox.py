#!/usr/bin/env python3
"""Writes a large mbox of a requested size by repeating the messages of Samples/ with fresh
Message-IDs (so every copy is a distinct thread), deterministically.

    python3 Benchmarks/make_mbox.py SIZE_MB OUTPUT.mbox
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "..", "Samples", "mbox")


def messages():
    """The sample mbox messages as byte strings, each starting with its From line, LF endings."""
    found = []
    for root, _, files in sorted(os.walk(SAMPLES)):
        for name in sorted(files):
            data = open(os.path.join(root, name), "rb").read().replace(b"\r\n", b"\n")
            parts = re.split(rb"\n(?=From [^ \n]+ [^\n]*[0-9])", b"\n" + data)
            found += [part.strip(b"\n") + b"\n\n" for part in parts if part.strip()]
    return found


def main():
    size = int(float(sys.argv[1]) * 1024 * 1024)
    output = sys.argv[2]
    templates = messages()
    ids = re.compile(rb"<([^<>@\s]+)@([^<>\s]+)>")
    written, copy = 0, 0
    with open(output, "wb") as out:
        while written < size:
            suffix = b".c%d" % copy
            for message in templates:
                data = ids.sub(lambda m: b"<" + m.group(1) + suffix + b"@" + m.group(2) + b">", message)
                out.write(data)
                written += len(data)
                if written >= size:
                    break
            copy += 1
    print(f"{output}: {written / 1048576:.1f} MB, {copy} copies of {len(templates)} messages")


if __name__ == "__main__":
    main()
