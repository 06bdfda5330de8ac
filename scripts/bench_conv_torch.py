"""Time PyTorch on the conv/pool/batch-norm layers of the LeNet reference stack.

The counterpart of the Swift ConvBenchmark in shapecheck-bench: Conv2d(1, 6, 5, padding=2), ReLU,
MaxPool2d(2), Conv2d(6, 16, 5), BatchNorm2d(16) in eval mode, ReLU, AvgPool2d(2, 2) on a batch of
2,038 random 1x28x28 inputs, best of five runs after one warm-up run.

Usage: python3 scripts/bench_conv_torch.py [THREADS ...]   (default: 1 2)
"""

import sys
import time

import torch
from torch import nn

BATCH_SIZE = 2038
REPETITIONS = 5


def build_stack() -> nn.Sequential:
    """Build the feature layers with PyTorch's default initialization, in eval mode."""
    torch.manual_seed(42)
    stack = nn.Sequential(
        nn.Conv2d(1, 6, kernel_size=5, padding=2),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(6, 16, kernel_size=5),
        nn.BatchNorm2d(16),
        nn.ReLU(),
        nn.AvgPool2d(kernel_size=2, stride=2),
    )
    return stack.eval()


def best_seconds(stack: nn.Sequential, inputs: torch.Tensor, threads: int) -> float:
    """Return the fastest of REPETITIONS timed forward passes with `threads` intra-op threads."""
    torch.set_num_threads(threads)
    with torch.inference_mode():
        stack(inputs)
        best = float("inf")
        for _ in range(REPETITIONS):
            start = time.perf_counter()
            stack(inputs)
            best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    thread_counts = [int(arg) for arg in sys.argv[1:]] or [1, 2]
    stack = build_stack()
    inputs = torch.rand(BATCH_SIZE, 1, 28, 28)
    for threads in thread_counts:
        seconds = best_seconds(stack, inputs, threads)
        print(
            f"PyTorch {torch.__version__}, conv/pool/batch-norm layers of LeNet on {BATCH_SIZE} "
            f"inputs of 1x28x28, {threads} thread(s): best of {REPETITIONS} runs "
            f"{seconds * 1000:.1f} ms ({BATCH_SIZE / seconds:.0f} inputs/s)"
        )


if __name__ == "__main__":
    main()
