"""Print PyTorch's output shape, or its rejection, for layer configurations and inputs.

Usage: python3 scripts/make_layer_shape_reference.py

Each case is a constructor as written in a model file and an input shape. The output is one
Swift table row per case, `(constructor, input, output)` with `nil` where PyTorch raises, for
the table in Tests/ShapeInferenceTests/LayerShapeReferenceTests.swift. Needs torch.
"""

import warnings

import torch
from torch import nn

CASES = [
    ("nn.Conv2d(1, 6, kernel_size=5, padding=2)", [4, 1, 28, 28]),
    ("nn.Conv2d(1, 6, kernel_size=5)", [1, 28, 28]),
    ("nn.Conv2d(3, 8, kernel_size=(3, 5), stride=(2, 1), padding=(1, 2))", [2, 3, 17, 9]),
    ("nn.Conv2d(4, 8, kernel_size=3, dilation=2, groups=4)", [1, 4, 12, 12]),
    ("nn.Conv2d(2, 4, kernel_size=4, padding='same')", [1, 2, 7, 6]),
    ("nn.Conv2d(2, 4, kernel_size=3, padding='valid', stride=3)", [1, 2, 10, 11]),
    ("nn.Conv2d(2, 4, kernel_size=3, padding=1, padding_mode='reflect')", [1, 2, 5, 5]),
    ("nn.Conv2d(2, 4, kernel_size=3, padding=2, padding_mode='circular')", [1, 2, 2, 5]),
    ("nn.Conv2d(1, 2, kernel_size=6)", [1, 1, 5, 8]),
    ("nn.Conv1d(3, 5, kernel_size=3, stride=2, padding=1)", [2, 3, 16]),
    ("nn.Conv1d(3, 5, 4, padding='same', dilation=3)", [3, 10]),
    ("nn.Conv1d(2, 2, kernel_size=3, padding=3, padding_mode='replicate')", [1, 2, 2]),
    ("nn.MaxPool2d(2)", [4, 6, 28, 28]),
    ("nn.MaxPool2d(3, stride=2, ceil_mode=True)", [1, 1, 8, 9]),
    ("nn.MaxPool2d(2, stride=2, padding=1, ceil_mode=True)", [1, 1, 5, 5]),
    ("nn.MaxPool2d(3, stride=2, padding=1, dilation=2)", [1, 11, 10]),
    ("nn.MaxPool2d(1, stride=3, ceil_mode=True)", [1, 1, 5, 7]),
    ("nn.MaxPool2d(4)", [1, 1, 3, 8]),
    ("nn.MaxPool1d(3, stride=2, padding=1)", [2, 4, 9]),
    ("nn.AvgPool2d(kernel_size=2, stride=2)", [4, 16, 10, 10]),
    ("nn.AvgPool2d(3, stride=2, padding=1, ceil_mode=True)", [1, 2, 6, 7]),
    ("nn.AvgPool2d((2, 3), divisor_override=2)", [3, 7, 7]),
    ("nn.AvgPool1d(3, ceil_mode=True)", [1, 2, 10]),
    ("nn.AdaptiveAvgPool2d((5, None))", [2, 3, 11, 13]),
    ("nn.AdaptiveMaxPool2d(1)", [3, 9, 9]),
    ("nn.AdaptiveAvgPool1d(4)", [2, 3, 10]),
    ("nn.AdaptiveMaxPool1d(None)", [2, 7]),
    ("nn.BatchNorm2d(6)", [2, 6, 3, 3]),
    ("nn.BatchNorm2d(6)", [6, 3, 3]),
    ("nn.BatchNorm1d(6)", [2, 6]),
    ("nn.BatchNorm1d(6)", [2, 6, 5]),
    ("nn.BatchNorm1d(6)", [2, 6, 5, 5]),
    ("nn.LayerNorm((3, 4))", [2, 3, 4]),
    ("nn.LayerNorm(4)", [2, 3, 5]),
    ("nn.GroupNorm(2, 6)", [2, 6, 4]),
    ("nn.Embedding(10, 3)", [2, 5]),
    ("nn.Dropout1d()", [2, 3, 4]),
    ("nn.Dropout1d()", [2, 3, 4, 5]),
    ("nn.Dropout2d()", [3, 4, 5]),
]


def run(constructor, shape):
    layer = eval(constructor)
    layer.eval()
    if isinstance(layer, nn.Embedding):
        x = torch.zeros(shape, dtype=torch.long)
    else:
        x = torch.rand(shape)
    try:
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            return list(layer(x).shape)
    except Exception:
        return None


def main():
    print("torch", torch.__version__)
    for constructor, shape in CASES:
        output = run(constructor, shape)
        escaped = constructor.replace('"', '\\"')
        print(f'  ("{escaped}", {shape}, {"nil" if output is None else output}),')


if __name__ == "__main__":
    main()
