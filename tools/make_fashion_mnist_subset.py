#!/usr/bin/env python3
"""Writes the Fashion-MNIST subset the demo ships (gzipped IDX files, a few MB).

Source: Debian's dataset-fashion-mnist package (Zalando Research's Fashion-MNIST, MIT licence).
Picks TRAIN training and TEST test images uniformly at random with a fixed seed, keeps them in
dataset order, and writes the four IDX files the full dataset has, gzipped with a fixed mtime so
the output is byte-for-byte reproducible.

Usage: tools/make_fashion_mnist_subset.py [SOURCE_DIR [OUT_DIR]]
"""
import gzip
import random
import struct
import sys
from pathlib import Path

TRAIN, TEST, SEED = 5000, 2000, 42
SOURCE = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/usr/share/datasets/fashion-mnist")
OUT = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("cli/src/main/resources/io/deepreshape/demo/fashion-mnist")


def read_idx(path):
    data = gzip.open(path).read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return data[:4 + 4 * dims], shape, data[4 + 4 * dims:]


def write_idx(path, header, shape, body, count, indices):
    item = len(body) // shape[0]
    new_header = header[:4] + struct.pack(">I", count) + header[8:]
    payload = new_header + b"".join(body[i * item:(i + 1) * item] for i in indices)
    with open(path, "wb") as f:
        with gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as g:
            g.write(payload)


def subset(prefix, count, rng):
    img_h, img_shape, img_body = read_idx(SOURCE / f"{prefix}-images-idx3-ubyte.gz")
    lab_h, lab_shape, lab_body = read_idx(SOURCE / f"{prefix}-labels-idx1-ubyte.gz")
    indices = sorted(rng.sample(range(img_shape[0]), count))
    write_idx(OUT / f"{prefix}-images-idx3-ubyte.gz", img_h, img_shape, img_body, count, indices)
    write_idx(OUT / f"{prefix}-labels-idx1-ubyte.gz", lab_h, lab_shape, lab_body, count, indices)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    subset("train", TRAIN, rng)
    subset("t10k", TEST, rng)


if __name__ == "__main__":
    main()
