#!/usr/bin/env python3
"""Time PyTorch's forward pass of the 784-30-1 MLP, for comparison with shapecheck-bench.

The model is nn.Linear(784, 30), nn.ReLU(), nn.Linear(30, 1) built after
torch.manual_seed(42), run on 2,038 random 784-vectors (the size of the MNIST_SAMPLE
validation set) drawn after torch.manual_seed(0), under torch.no_grad(). ForwardBenchmark
uses the same weights and inputs, so the output sums of the two reports should agree to
rounding. The report gives the best of the timed repetitions,
as ForwardBenchmark in Sources/shapecheck-bench does.

Usage: python3 scripts/bench_forward_torch.py [THREADS ...]   (default: 1 2)
"""

import sys
import time

import torch
from torch import nn

BATCH_SIZE = 2038
REPETITIONS = 30


def run(threads: int) -> str:
    """Time the forward pass with `threads` intra-op threads and return a one-line report."""
    torch.set_num_threads(threads)
    torch.manual_seed(42)
    model = nn.Sequential(nn.Linear(784, 30), nn.ReLU(), nn.Linear(30, 1))
    # ForwardBenchmark draws the same inputs: U(0, 1) from a generator seeded with 0.
    torch.manual_seed(0)
    inputs = torch.rand(BATCH_SIZE, 784)

    best = float("inf")
    with torch.no_grad():
        checksum = float(model(inputs).sum())  # warm-up run
        for _ in range(REPETITIONS):
            start = time.perf_counter()
            output = model(inputs)
            best = min(best, time.perf_counter() - start)
            checksum = float(output.sum())

    multiply_adds = BATCH_SIZE * (784 * 30 + 30 * 1)
    gigaflops = 2 * multiply_adds / best / 1e9
    return (
        f"PyTorch {torch.__version__} forward pass of the 784-30-1 MLP on {BATCH_SIZE} random "
        f"784-vectors with {threads} thread(s): best of {REPETITIONS} runs {best * 1e3:.3f} ms, "
        f"{best * 1e6 / BATCH_SIZE:.2f} µs per sample, {gigaflops:.2f} GFLOP/s "
        f"(output sum {checksum:.5f})."
    )


def main() -> None:
    """Run the benchmark for each thread count given on the command line."""
    thread_counts = [int(argument) for argument in sys.argv[1:]] or [1, 2]
    for threads in thread_counts:
        print(run(threads))


if __name__ == "__main__":
    main()
