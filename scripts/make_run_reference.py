"""Compute PyTorch reference values for the `run` tests from the committed digit fixtures.

Usage: python3 scripts/make_run_reference.py

Prints act1, act2 and act3 of the 3-vs-7 net after torch.manual_seed(42) for
fixtures/digits/train/3/1500.png and the batched outputs for every image under
fixtures/digits/valid, and writes fixtures/weights/simple_net_seed7.safetensors (names by
layer) and fixtures/weights/simple_net_seed7_sequential.safetensors (names by Sequential
index) from torch.manual_seed(7). Needs torch, numpy, pillow and safetensors.
"""

import pathlib

import numpy as np
import torch
from PIL import Image
from safetensors.torch import save_file
from torch import nn

ROOT = pathlib.Path(__file__).resolve().parent.parent


def pixels(path):
    image = np.asarray(Image.open(path).convert("L"), dtype=np.float32) / 255
    return torch.from_numpy(image.reshape(784))


def build(seed):
    torch.manual_seed(seed)
    linear_1 = nn.Linear(784, 30)
    relu = nn.ReLU()
    linear_2 = nn.Linear(30, 1)
    return linear_1, relu, linear_2


def main():
    linear_1, relu, linear_2 = build(42)
    with torch.no_grad():
        x = pixels(ROOT / "fixtures/digits/train/3/1500.png")
        act1 = linear_1(x)
        act2 = relu(act1)
        act3 = linear_2(act2)
        print("torch", torch.__version__)
        for name, value in [("act1", act1), ("act2", act2), ("act3", act3)]:
            print(name, [float(v) for v in value])
        files = sorted((ROOT / "fixtures/digits/valid").glob("*/*.png"))
        batch = torch.stack([pixels(f) for f in files])
        logits = linear_2(relu(linear_1(batch))).reshape(-1)
        print("valid", [f.relative_to(ROOT).as_posix() for f in files])
        print("logits", [float(v) for v in logits])

    linear_1, _, linear_2 = build(7)
    tensors = {
        "linear_1.weight": linear_1.weight.detach().contiguous(),
        "linear_1.bias": linear_1.bias.detach().contiguous(),
        "linear_2.weight": linear_2.weight.detach().contiguous(),
        "linear_2.bias": linear_2.bias.detach().contiguous(),
    }
    save_file(tensors, ROOT / "fixtures/weights/simple_net_seed7.safetensors")
    by_index = {name.replace("linear_1", "0").replace("linear_2", "2"): t for name, t in tensors.items()}
    save_file(by_index, ROOT / "fixtures/weights/simple_net_seed7_sequential.safetensors")
    with torch.no_grad():
        act3 = linear_2(torch.relu(linear_1(pixels(ROOT / "fixtures/digits/train/3/1500.png"))))
        print("seed7 act3", [float(v) for v in act3])


if __name__ == "__main__":
    main()
