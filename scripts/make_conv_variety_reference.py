"""Compute PyTorch reference values for fixtures/conv_variety.nn from the committed digits.

Usage: python3 scripts/make_conv_variety_reference.py

Builds the layers of fixtures/conv_variety.nn after torch.manual_seed(42), in the file's order,
puts them in evaluation mode and runs them on the batch that scripts/make_lenet_reference.py
uses. Prints one Swift `LayerSummary` per layer (shape, sum, sum of absolute values, first 8
values) for Tests/ShapeCheckKitTests/ConvVarietyRunTests.swift. Needs torch, numpy and pillow.
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
    return [
        ("conv_a", nn.Conv2d(1, 4, kernel_size=(3, 5), stride=(1, 2), dilation=(2, 1),
                             padding_mode="reflect", padding=(1, 2))),
        ("pool_a", nn.MaxPool2d(3, stride=2, padding=1, ceil_mode=True)),
        ("norm_a", nn.GroupNorm(2, 4)),
        ("conv_b", nn.Conv2d(4, 8, kernel_size=4, padding="same", groups=2,
                             padding_mode="circular")),
        ("drop_b", nn.Dropout2d(0.3)),
        ("pool_b", nn.AvgPool2d(3, stride=2, padding=1, ceil_mode=True, count_include_pad=False)),
        ("norm_b", nn.BatchNorm2d(8)),
        ("pool_c", nn.AdaptiveMaxPool2d((4, None))),
        ("pool_d", nn.AvgPool2d((1, 2), divisor_override=3)),
        ("lines", nn.Flatten(start_dim=2)),
        ("conv_e", nn.Conv1d(8, 6, 3, padding=2, dilation=2, padding_mode="replicate")),
        ("pool_e", nn.MaxPool1d(2, dilation=2)),
        ("norm_e", nn.BatchNorm1d(6)),
        ("drop_e", nn.Dropout1d()),
        ("pool_f", nn.AvgPool1d(2, ceil_mode=True)),
        ("pool_g", nn.AdaptiveAvgPool1d(5)),
        ("layer_norm", nn.LayerNorm((6, 5))),
        ("flatten", nn.Flatten()),
        ("fc", nn.Linear(30, 2)),
    ]


def swift_numbers(values):
    return ", ".join(repr(float(v)) for v in values)


def main():
    layers = build()
    images = [
        np.asarray(Image.open(ROOT / "fixtures/digits" / name).convert("L"), dtype=np.float32) / 255
        for name in DIGITS
    ]
    x = torch.from_numpy(np.stack(images)).reshape(4, 1, 28, 28)
    print("// torch", torch.__version__)
    with torch.no_grad():
        for name, layer in layers:
            layer.eval()
            x = layer(x)
            values = x.double()
            first = x.reshape(-1)[:8].tolist()
            print(f'  LayerSummary(')
            print(f'    layer: "{name}", shape: {list(x.shape)}, sum: {float(values.sum())},')
            print(f'    absoluteSum: {float(values.abs().sum())},')
            print(f'    first: [')
            print(f'      {swift_numbers(first[:4])},')
            print(f'      {swift_numbers(first[4:])},')
            print(f'    ]),')


if __name__ == "__main__":
    main()
