#!/usr/bin/env python3
"""Time Pillow + numpy decoding every *.png under a folder to 8-bit gray.

Usage: bench_decode_pillow.py SAMPLE_ROOT. Prints the file count and the seconds spent
reading and decoding (the directory walk is not timed), for comparison with
DecodeBenchmark in shapecheck-bench.
"""
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image


def main() -> None:
    root = Path(sys.argv[1])
    paths = sorted(root.rglob("*.png"))
    start = time.perf_counter()
    checksum = 0
    for path in paths:
        checksum += int(np.asarray(Image.open(path).convert("L"))[0, 0])
    seconds = time.perf_counter() - start
    print(f"pillow: decoded {len(paths)} PNG files in {seconds:.3f} s "
          f"({len(paths) / seconds:.0f} images/s); checksum of first pixels {checksum}")


if __name__ == "__main__":
    main()
