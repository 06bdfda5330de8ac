#!/usr/bin/env python3
"""Write the DEFLATE, zlib and gzip test inputs of Tests/ShapeDataTests/Inputs/deflate.

Uses only the Python standard library. The plain data is deterministic, so rerunning the
script gives the same plain file; the compressed files depend on the zlib version.
"""
import gzip
import random
import struct
import sys
import zlib
from pathlib import Path


def make_plain() -> bytes:
    rng = random.Random(1951)
    text = b"The quick brown fox jumps over the lazy dog. " * 60
    # Bytes with geometric frequencies give Huffman codes longer than 10 bits.
    skewed = bytes(min(255, int(rng.expovariate(0.08))) for _ in range(12000))
    noise = bytes(rng.randrange(256) for _ in range(1500))
    runs = b"".join(bytes([rng.randrange(256)]) * rng.randrange(1, 300) for _ in range(60))
    return text + skewed + noise + runs


def raw_deflate(data: bytes, level: int, strategy: int = zlib.Z_DEFAULT_STRATEGY) -> bytes:
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15, 9, strategy)
    return compressor.compress(data) + compressor.flush()


def first_block_type(raw: bytes) -> int:
    return (raw[0] >> 1) & 3


def gzip_member(data: bytes, flags: int, name: bytes = b"", comment: bytes = b"",
                extra: bytes = b"") -> bytes:
    header = bytearray(b"\x1f\x8b\x08" + bytes([flags]) + struct.pack("<I", 0) + b"\x00\xff")
    if flags & 0x04:
        header += struct.pack("<H", len(extra)) + extra
    if flags & 0x08:
        header += name + b"\x00"
    if flags & 0x10:
        header += comment + b"\x00"
    if flags & 0x02:
        header += struct.pack("<H", zlib.crc32(bytes(header)) & 0xFFFF)
    trailer = struct.pack("<II", zlib.crc32(data), len(data) & 0xFFFFFFFF)
    return bytes(header) + raw_deflate(data, 6) + trailer


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "Tests/ShapeDataTests/Inputs/deflate")
    out.mkdir(parents=True, exist_ok=True)
    plain = make_plain()
    (out / "plain.bin").write_bytes(plain)
    for level in (0, 1, 6, 9):
        (out / f"level{level}.zlib").write_bytes(zlib.compress(plain, level))
        raw = raw_deflate(plain, level)
        print(f"level {level}: first block type {first_block_type(raw)}")
        (out / f"level{level}.deflate").write_bytes(raw)
    fixed = raw_deflate(plain, 6, zlib.Z_FIXED)
    assert first_block_type(fixed) == 1
    (out / "fixed.deflate").write_bytes(fixed)
    (out / "plain.gz").write_bytes(gzip.compress(plain, mtime=0))
    members = gzip_member(plain[:3000], 0x1E, b"first.bin", b"a comment", b"AB\x02\x00xy")
    members += gzip_member(plain[3000:], 0x02)
    (out / "members.gz").write_bytes(members)


if __name__ == "__main__":
    main()
