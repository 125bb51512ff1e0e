/**
 * Image datasets for training: the registry that opens one by name ({@link
 * io.deepreshape.train.data.Datasets}), readers of the CIFAR, Tiny ImageNet, Fashion-MNIST and
 * synthetic formats, every record read and validated before use, seeded subsets and validation splits,
 * normalisation and augmentation, and the batch loader that feeds the trainer.
 */
package io.deepreshape.train.data;
