#!/usr/bin/env python3
"""Independent count of ReLUs, MACs and parameters for the golden-value test.

Written separately from the Java accounting, following PyTorch's layer semantics directly
(torchvision's ResNet v1.5 and the WideResNet reference code), so that the Java code is checked
against a second implementation. Regenerate with:
    python3 tools/independent_count.py > core/src/test/resources/golden/complexity.json
"""
import json

def out_size(n, k, s, p):
    return (n + 2 * p - k) // s + 1

class Net:
    def __init__(self):
        self.relus = 0
        self.macs = 0
        self.params = 0

    def conv(self, cin, cout, k, s, h, w):
        p = k // 2
        ho, wo = out_size(h, k, s, p), out_size(w, k, s, p)
        self.macs += cin * cout * k * k * ho * wo
        self.params += cin * cout * k * k
        return ho, wo

    def bn(self, c):
        self.params += 2 * c

    def relu(self, c, h, w):
        self.relus += c * h * w

def resnet(block, layers, widths, in_shape, classes, imagenet_stem, stem_width=None):
    n = Net()
    c, h, w = in_shape
    stem = stem_width or widths[0]
    if imagenet_stem:
        h, w = n.conv(c, stem, 7, 2, h, w)
        n.bn(stem); n.relu(stem, h, w)
        h, w = out_size(h, 3, 2, 1), out_size(w, 3, 2, 1)
    else:
        h, w = n.conv(c, stem, 3, 1, h, w)
        n.bn(stem); n.relu(stem, h, w)
    inplanes = stem
    exp = 4 if block == "bottleneck" else 1
    for i, (blocks, planes) in enumerate(zip(layers, widths)):
        for b in range(blocks):
            stride = 2 if (i > 0 and b == 0) else 1
            if block == "basic":
                h1, w1 = n.conv(inplanes, planes, 3, stride, h, w); n.bn(planes); n.relu(planes, h1, w1)
                h2, w2 = n.conv(planes, planes, 3, 1, h1, w1); n.bn(planes)
            else:
                n.conv(inplanes, planes, 1, 1, h, w); n.bn(planes); n.relu(planes, h, w)
                h1, w1 = n.conv(planes, planes, 3, stride, h, w); n.bn(planes); n.relu(planes, h1, w1)
                h2, w2 = n.conv(planes, planes * exp, 1, 1, h1, w1); n.bn(planes * exp)
            if stride != 1 or inplanes != planes * exp:
                n.conv(inplanes, planes * exp, 1, stride, h, w); n.bn(planes * exp)
            n.relu(planes * exp, h2, w2)
            inplanes, h, w = planes * exp, h2, w2
    n.macs += inplanes * classes
    n.params += inplanes * classes + classes
    return n

def wrn(depth, k, in_shape, classes):
    n = Net()
    c, h, w = in_shape
    per = (depth - 4) // 6
    h, w = n.conv(c, 16, 3, 1, h, w)
    inplanes = 16
    for i, planes in enumerate([16 * k, 32 * k, 64 * k]):
        for b in range(per):
            stride = 2 if (i > 0 and b == 0) else 1
            n.bn(inplanes); n.relu(inplanes, h, w)
            h1, w1 = n.conv(inplanes, planes, 3, stride, h, w)
            n.bn(planes); n.relu(planes, h1, w1)
            h2, w2 = n.conv(planes, planes, 3, 1, h1, w1)
            if inplanes != planes or stride != 1:
                n.conv(inplanes, planes, 1, stride, h, w)
            inplanes, h, w = planes, h2, w2
    n.bn(inplanes); n.relu(inplanes, h, w)
    n.macs += inplanes * classes
    n.params += inplanes * classes + classes
    return n

DATASETS = {
    "cifar10": ((3, 32, 32), 10, False), "cifar100": ((3, 32, 32), 100, False),
    "tinyimagenet": ((3, 64, 64), 200, False), "imagenet": ((3, 224, 224), 1000, True),
    "fashion-mnist": ((1, 28, 28), 10, False),
}
RESNETS = {
    "resnet18": ("basic", [2, 2, 2, 2]), "resnet34": ("basic", [3, 4, 6, 3]),
    "resnet50": ("bottleneck", [3, 4, 6, 3]), "resnet101": ("bottleneck", [3, 4, 23, 3]),
}

rows = []
def add(preset, dataset, net):
    rows.append({"preset": preset, "dataset": dataset, "relus": net.relus, "flops": net.macs, "params": net.params})

for name, (block, layers) in RESNETS.items():
    for ds, (shape, classes, inet) in DATASETS.items():
        add(name, ds, resnet(block, layers, [64, 128, 256, 512], shape, classes, inet))
for ds in ["cifar10", "cifar100", "fashion-mnist"]:
    shape, classes, _ = DATASETS[ds]
    add("resnet32", ds, resnet("basic", [5, 5, 5], [16, 32, 64], shape, classes, False))
    add("resnet56", ds, resnet("basic", [9, 9, 9], [16, 32, 64], shape, classes, False))
    for d, k in [(16, 4), (22, 8), (28, 10), (40, 4)]:
        add("wrn-%d-%d" % (d, k), ds, wrn(d, k, shape, classes))
    add("hybrenet:16,5,5,3", ds, resnet("basic", [2, 2, 2, 2], [16, 80, 400, 1200], shape, classes, False))
    add("stagech:32,3", ds, resnet("basic", [2, 2, 2, 2], [32, 96, 288, 864], shape, classes, False))
    add("basech:128", ds, resnet("basic", [2, 2, 2, 2], [128, 256, 512, 1024], shape, classes, False))
print(json.dumps(rows, indent=1))
