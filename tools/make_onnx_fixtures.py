#!/usr/bin/python3
"""Writes the ONNX import fixtures with PyTorch's own exporter (torch.onnx.export).

Run with Debian's python3 (apt-get install python3-torch python3-torchvision python3-onnx):

    tools/make_onnx_fixtures.py [OUT_DIR [NAME ...]]

OUT_DIR defaults to cli/src/test/resources/onnx; given NAMEs, only those networks are written (the
others are still built, so every network's weights stay what the full run gives). For each network
NAME it writes NAME.onnx and
NAME.json. The JSON holds the input shape, PyTorch's logits for the fixed inputs below, and counts
taken from the PyTorch module itself, independently of deepreshape:

  relus  - every call of torch.nn.functional.relu (nn.ReLU modules call it too), wrapped to sum the
           elements of one image's output (a module called twice, as torchvision's blocks do, counts twice);
  macs   - forward hooks on nn.Conv2d (C_in/groups * C_out * kh * kw * H_out * W_out) and nn.Linear
           (in * out), per call;
  params - sum of p.numel() over model.parameters() (weights, biases, batch-norm gamma and beta;
           running statistics are buffers, not parameters).

The fixed inputs need no file: image k (k = 0, 1, 2) has element i (C, H, W order) equal to
sin(0.37 * i + 1.3 * k), computed in double precision and rounded to float32.
"""
import json
import math
import os
import sys

import torch
import torch.nn as nn
from torchvision.models.resnet import BasicBlock, Bottleneck

IMAGES = 3


class SmallResNet(nn.Module):
    """torchvision's ResNet layout with chosen widths: stem, stages of torchvision blocks, pool, fc."""

    def __init__(self, block, layers, widths, stem_channels, classes, imagenet_stem):
        super().__init__()
        if imagenet_stem:
            self.conv1 = nn.Conv2d(3, stem_channels, 7, 2, 3, bias=False)
        else:
            self.conv1 = nn.Conv2d(3, stem_channels, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(stem_channels)
        self.relu = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool2d(3, 2, 1) if imagenet_stem else nn.Identity()
        self.inplanes = stem_channels
        stages = []
        for i, (n, w) in enumerate(zip(layers, widths)):
            stages.append(self._stage(block, w, n, 1 if i == 0 else 2))
        self.stages = nn.Sequential(*stages)
        self.avgpool = nn.AdaptiveAvgPool2d((1, 1))
        self.fc = nn.Linear(self.inplanes, classes)

    def _stage(self, block, planes, blocks, stride):
        down = None
        if stride != 1 or self.inplanes != planes * block.expansion:
            down = nn.Sequential(nn.Conv2d(self.inplanes, planes * block.expansion, 1, stride, bias=False),
                                 nn.BatchNorm2d(planes * block.expansion))
        out = [block(self.inplanes, planes, stride, down)]
        self.inplanes = planes * block.expansion
        for _ in range(1, blocks):
            out.append(block(self.inplanes, planes))
        return nn.Sequential(*out)

    def forward(self, x):
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        x = self.stages(x)
        return self.fc(torch.flatten(self.avgpool(x), 1))


class BranchNet(nn.Module):
    """Not a ResNet: VGG-style convolutions (one with a bias and no batch norm), a max-pool, two
    parallel branches summed, global pooling by mean, a view-flatten and a classifier."""

    def __init__(self, classes=10):
        super().__init__()
        self.c1 = nn.Conv2d(3, 6, 3, 1, 1, bias=True)
        self.c2 = nn.Conv2d(6, 8, 3, 1, 1, bias=False)
        self.b2 = nn.BatchNorm2d(8)
        self.pool = nn.MaxPool2d(2, 2)
        self.left = nn.Sequential(nn.Conv2d(8, 12, 3, 2, 1, bias=False), nn.BatchNorm2d(12))
        self.right = nn.Sequential(nn.Conv2d(8, 12, 1, 2, 0, bias=True))
        self.c4 = nn.Conv2d(12, 16, 3, 1, 1, bias=False)
        self.b4 = nn.BatchNorm2d(16)
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(16, classes)

    def forward(self, x):
        x = nn.functional.relu(self.c1(x))
        x = self.pool(nn.functional.relu(self.b2(self.c2(x))))
        x = nn.functional.relu(self.left(x) + self.right(x))
        x = nn.functional.relu(self.b4(self.c4(x)))
        x = self.gap(x)
        return self.fc(x.view(x.size(0), -1))


class SeparableNet(nn.Module):
    """Grouped convolutions: a MobileNet-style depthwise-separable residual block (3x3 depthwise,
    1x1 pointwise) and a downsampling block of a 3x3 convolution in 2 groups and one in 4 groups with a
    bias, with a projection shortcut."""

    def __init__(self, classes=10):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 8, 3, 1, 1, bias=False), nn.BatchNorm2d(8), nn.ReLU())
        self.dw = nn.Sequential(nn.Conv2d(8, 8, 3, 1, 1, groups=8, bias=False), nn.BatchNorm2d(8), nn.ReLU())
        self.pw = nn.Sequential(nn.Conv2d(8, 8, 1, bias=False), nn.BatchNorm2d(8))
        self.g2 = nn.Sequential(nn.Conv2d(8, 16, 3, 2, 1, groups=2, bias=False), nn.BatchNorm2d(16), nn.ReLU())
        self.g4 = nn.Conv2d(16, 16, 3, 1, 1, groups=4, bias=True)
        self.down = nn.Sequential(nn.Conv2d(8, 16, 1, 2, bias=False), nn.BatchNorm2d(16))
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(16, classes)

    def forward(self, x):
        x = self.stem(x)
        x = nn.functional.relu(self.pw(self.dw(x)) + x)
        x = nn.functional.relu(self.g4(self.g2(x)) + self.down(x))
        return self.fc(torch.flatten(self.gap(x), 1))


def networks():
    torch.manual_seed(18)
    yield "tiny-resnet", SmallResNet(BasicBlock, [1, 1], [4, 8], 4, 4, False), (3, 8, 8)
    yield "cifar-basic", SmallResNet(BasicBlock, [2, 1, 1], [8, 16, 32], 8, 10, False), (3, 32, 32)
    yield "imagenet-bottleneck", SmallResNet(Bottleneck, [1, 2], [4, 8], 8, 10, True), (3, 64, 64)
    yield "branch-net", BranchNet(), (3, 16, 16)
    yield "separable-net", SeparableNet(), (3, 16, 16)


def randomise_norms(model):
    """Batch norms with non-trivial statistics, so that a wrong folding shows in the logits."""
    g = torch.Generator().manual_seed(7)
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            c = m.num_features
            m.weight.data = 0.5 + torch.rand(c, generator=g)
            m.bias.data = 0.2 * torch.randn(c, generator=g)
            m.running_mean = 0.1 * torch.randn(c, generator=g)
            m.running_var = 0.5 + torch.rand(c, generator=g)


def images(shape):
    n = shape[0] * shape[1] * shape[2]
    rows = [[math.sin(0.37 * i + 1.3 * k) for i in range(n)] for k in range(IMAGES)]
    return torch.tensor(rows, dtype=torch.float32).reshape(IMAGES, *shape)


def counts(model, x):
    c = {"macs": 0}

    def conv(m, inp, out):
        kh, kw = m.kernel_size
        c["macs"] += (m.in_channels // m.groups) * m.out_channels * kh * kw * out.shape[2] * out.shape[3]

    def linear(m, inp, out):
        c["macs"] += m.in_features * m.out_features

    hooks = []
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            hooks.append(m.register_forward_hook(conv))
        elif isinstance(m, nn.Linear):
            hooks.append(m.register_forward_hook(linear))
    with torch.no_grad():
        model(x[:1])
    for h in hooks:
        h.remove()
    c["params"] = sum(p.numel() for p in model.parameters())
    c["relus"] = count_relus(model, x)
    return c


def count_relus(model, x):
    """ReLUs of torch.nn.functional.relu calls, counted by wrapping the function."""
    seen = {"n": 0}
    original = nn.functional.relu

    def counting(t, inplace=False):
        seen["n"] += t[0].numel()
        return original(t, inplace=inplace)

    nn.functional.relu = counting
    try:
        with torch.no_grad():
            model(x[:1])
    finally:
        nn.functional.relu = original
    return seen["n"]


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join("cli", "src", "test", "resources", "onnx")
    only = set(sys.argv[2:])
    os.makedirs(out_dir, exist_ok=True)
    for name, model, shape in networks():
        if only and name not in only:
            continue
        randomise_norms(model)
        model.eval()
        x = images(shape)
        c = counts(model, x)
        with torch.no_grad():
            logits = model(x)
        path = os.path.join(out_dir, name + ".onnx")
        torch.onnx.export(model, x[:1], path, opset_version=13, input_names=["input"], output_names=["logits"],
                          training=torch.onnx.TrainingMode.PRESERVE, do_constant_folding=True)
        record = {"name": name, "input": list(shape), "images": IMAGES,
                  "image_formula": "sin(0.37 * i + 1.3 * k)", "torch": torch.__version__,
                  "relus": c["relus"], "macs": c["macs"], "params": c["params"],
                  "logits": [[float(v) for v in row] for row in logits]}
        with open(os.path.join(out_dir, name + ".json"), "w") as f:
            json.dump(record, f, indent=1)
            f.write("\n")
        print(name, os.path.getsize(path), "bytes", c)


if __name__ == "__main__":
    main()
