#!/usr/bin/env python3
"""Write the PNG test inputs of Tests/ShapeDataTests/Inputs/png and Pillow's grayscale output.

Needs Pillow and numpy (pip install pillow numpy). Each case writes NAME.png with this
script's own PNG writer and NAME.gray, the bytes of
np.asarray(Image.open(NAME.png).convert("L")) in row-major order.
"""
import random
import struct
import sys
import zlib
from pathlib import Path

import numpy as np
from PIL import Image

CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
         (0, 1, 1, 2)]


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def pack_row(samples, bit_depth: int) -> bytes:
    if bit_depth == 16:
        return b"".join(struct.pack(">H", s) for s in samples)
    if bit_depth == 8:
        return bytes(samples)
    per_byte = 8 // bit_depth
    out = bytearray()
    for start in range(0, len(samples), per_byte):
        byte = 0
        group = samples[start:start + per_byte]
        for index, sample in enumerate(group):
            byte |= sample << (8 - bit_depth * (index + 1))
        out.append(byte)
    return bytes(out)


def paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def filter_rows(rows, bytes_per_pixel: int, first_filter: int) -> bytes:
    out = bytearray()
    previous = bytes(len(rows[0])) if rows else b""
    for number, row in enumerate(rows):
        kind = (first_filter + number) % 5
        filtered = bytearray()
        for i, value in enumerate(row):
            left = row[i - bytes_per_pixel] if i >= bytes_per_pixel else 0
            up = previous[i]
            upper_left = previous[i - bytes_per_pixel] if i >= bytes_per_pixel else 0
            predictor = [0, left, up, (left + up) // 2, paeth(left, up, upper_left)][kind]
            filtered.append((value - predictor) & 0xFF)
        out += bytes([kind]) + filtered
        previous = row
    return bytes(out)


def image_data(pixels, width, height, color_type, bit_depth, interlace) -> bytes:
    """pixels[y][x] is a tuple of samples."""
    bytes_per_pixel = max(1, CHANNELS[color_type] * bit_depth // 8)

    def rows_of(xs, ys):
        return [pack_row([s for x in xs for s in pixels[y][x]], bit_depth) for y in ys]

    if not interlace:
        return filter_rows(rows_of(range(width), range(height)), bytes_per_pixel, 0)
    out = b""
    for number, (x0, y0, dx, dy) in enumerate(ADAM7):
        xs, ys = range(x0, width, dx), range(y0, height, dy)
        if len(xs) and len(ys):
            out += filter_rows(rows_of(xs, ys), bytes_per_pixel, number)
    return out


def write_png(path, width, height, color_type, bit_depth, pixels, interlace=0, palette=None,
              trns=None, idat_parts=1, extra_chunks=()):
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, interlace)
    compressed = zlib.compress(image_data(pixels, width, height, color_type, bit_depth,
                                          interlace), 9)
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
    for kind, data in extra_chunks:
        out += chunk(kind, data)
    if palette is not None:
        out += chunk(b"PLTE", b"".join(bytes(entry) for entry in palette))
    if trns is not None:
        out += chunk(b"tRNS", trns)
    step = max(1, -(-len(compressed) // idat_parts))
    for start in range(0, len(compressed), step):
        out += chunk(b"IDAT", compressed[start:start + step])
    out += chunk(b"IEND", b"")
    Path(path).write_bytes(out)


def random_pixels(rng, width, height, channels, bit_depth, maximum=None):
    top = (1 << bit_depth) - 1 if maximum is None else maximum
    return [[tuple(rng.randint(0, top) for _ in range(channels)) for _ in range(width)]
            for _ in range(height)]


def cases(rng):
    """Yields (name, keyword arguments of write_png)."""
    for color_type, depths in [(0, [1, 2, 4, 8, 16]), (2, [8, 16]), (3, [1, 2, 4, 8]),
                               (4, [8, 16]), (6, [8, 16])]:
        for bit_depth in depths:
            for interlace in (0, 1):
                width, height = rng.randint(5, 13), rng.randint(5, 13)
                palette = None
                maximum = None
                if color_type == 3:
                    size = min(1 << bit_depth, 7 if bit_depth > 2 else (1 << bit_depth))
                    palette = [tuple(rng.randrange(256) for _ in range(3)) for _ in range(size)]
                    maximum = size - 1
                pixels = random_pixels(rng, width, height, CHANNELS[color_type], bit_depth,
                                       maximum)
                name = f"type{color_type}_depth{bit_depth}" + ("_adam7" if interlace else "")
                yield name, dict(width=width, height=height, color_type=color_type,
                                 bit_depth=bit_depth, pixels=pixels, interlace=interlace,
                                 palette=palette)

    gray16 = random_pixels(rng, 6, 5, 1, 16)
    gray16[0][0] = (0,)
    gray16[0][1] = (255,)
    gray16[0][2] = (256,)
    gray16[0][3] = (65535,)
    yield "gray16_edges", dict(width=6, height=5, color_type=0, bit_depth=16, pixels=gray16)

    yield "tiny_adam7", dict(width=1, height=1, color_type=2, bit_depth=8,
                             pixels=[[(10, 200, 30)]], interlace=1)
    yield "small_adam7", dict(width=3, height=2, color_type=0, bit_depth=4,
                              pixels=random_pixels(rng, 3, 2, 1, 4), interlace=1)

    palette = [tuple(rng.randrange(256) for _ in range(3)) for _ in range(4)]
    yield "palette_trns", dict(width=7, height=4, color_type=3, bit_depth=8,
                               pixels=random_pixels(rng, 7, 4, 1, 8, 3), palette=palette,
                               trns=bytes([0, 128]))
    yield "gray_trns_split_idat", dict(width=9, height=9, color_type=0, bit_depth=8,
                                       pixels=random_pixels(rng, 9, 9, 1, 8),
                                       trns=bytes([0, 5]), idat_parts=4,
                                       extra_chunks=[(b"tEXt", b"Comment\x00made by a script"),
                                                     (b"zzZz", b"private ancillary")])
    yield "rgb_extremes", dict(width=8, height=1, color_type=2, bit_depth=8,
                               pixels=[[(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 255),
                                        (1, 1, 1), (128, 128, 128), (3, 7, 1), (254, 1, 100)]])


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "Tests/ShapeDataTests/Inputs/png")
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(2083)
    for name, arguments in cases(rng):
        path = out / f"{name}.png"
        write_png(path, **arguments)
        gray = np.asarray(Image.open(path).convert("L"))
        assert gray.dtype == np.uint8
        assert gray.shape == (arguments["height"], arguments["width"])
        (out / f"{name}.gray").write_bytes(gray.tobytes())


if __name__ == "__main__":
    main()
