"""Compute PyTorch reference values for the LeNet `run` tests from the committed digits.

Usage: python3 scripts/make_lenet_reference.py

Builds the stack of fixtures/lenet.nn after torch.manual_seed(42), in the file's order, puts it
in evaluation mode and runs it on one batch of fixtures/digits/train/3/1501.png, 1502.png and
fixtures/digits/train/7/3501.png, 3502.png (pixels / 255 as float32, shape [4, 1, 28, 28]).
Prints, per layer, the output shape, the sum, the sum of absolute values and the first 8
values. Needs torch, numpy and pillow.
"""

import pathlib

import numpy as np
import torch
from PIL import Image
from torch import nn

ROOT = pathlib.Path(__file__).resolve().parent.parent
DIGITS = ["train/3/1501.png", "train/3/1502.png", "train/7/3501.png", "train/7/3502.png"]


def build():
    torch.manual_seed(42)
    layers = [
        ("conv_1", nn.Conv2d(1, 6, kernel_size=5, padding=2)),
        ("relu_1", nn.ReLU()),
        ("pool_1", nn.MaxPool2d(2)),
        ("conv_2", nn.Conv2d(6, 16, kernel_size=5)),
        ("bn_2", nn.BatchNorm2d(16)),
        ("relu_2", nn.ReLU()),
        ("pool_2", nn.AvgPool2d(kernel_size=2, stride=2)),
        ("flatten", nn.Flatten()),
        ("fc_1", nn.Linear(400, 120)),
        ("relu_3", nn.ReLU()),
        ("fc_2", nn.Linear(120, 84)),
        ("relu_4", nn.ReLU()),
        ("fc_3", nn.Linear(84, 10)),
        ("log_softmax", nn.LogSoftmax(dim=1)),
    ]
    for _, layer in layers:
        layer.eval()
    return layers


def main():
    layers = build()
    images = [
        np.asarray(Image.open(ROOT / "fixtures/digits" / name).convert("L"), dtype=np.float32) / 255
        for name in DIGITS
    ]
    x = torch.from_numpy(np.stack(images)).reshape(4, 1, 28, 28)
    print("torch", torch.__version__)
    with torch.no_grad():
        for name, layer in layers:
            x = layer(x)
            values = x.double()
            first = [float(v) for v in x.reshape(-1)[:8]]
            print(name, list(x.shape), float(values.sum()), float(values.abs().sum()), first)


if __name__ == "__main__":
    main()
