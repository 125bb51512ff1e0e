/**
 * JMH benchmarks of the hot paths, each printing a rate: exact accounting, equalization and budget
 * design (core), the training data loader (train), garbling and evaluation of ReLU circuits, IKNP OT
 * extension, the NTT, BFV encryption and reply sealing, and Cheetah's HE convolution (pi). Run them all
 * with {@code java -jar bench/target/deepreshape-bench.jar} after packaging (README, "Benchmarks").
 */
package io.deepreshape.bench;
