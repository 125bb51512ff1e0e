package io.deepreshape.pi.protocol;

import io.deepreshape.pi.gc.Circuit;

/**
 * The instances of one circuit within a garbled layer: instance {@code k} reads the {@code
 * inWords} elements {@code elements[k*inWords ..]} of the layer's input (element index {@code
 * c*H*W + p}) and writes the {@code outWords} elements {@code outputs[k*outWords ..]} of its output
 * (the same elements for ReLU and truncation, one pooled element for a max-pool window).
 *
 * @param circuit the circuit (public)
 * @param inWords l-bit input words per instance and party (1, the reuse group size or the window)
 * @param elements the input elements, instance-major
 * @param outWords l-bit output words per instance
 * @param outputs the output elements, instance-major
 * @param fullRelus sign comparisons per instance that are ReLUs of the layout (0 for identity and
 *     max-pool)
 */
record GcGroup(Circuit circuit, int inWords, int[] elements, int outWords, int[] outputs,
    int fullRelus) {
  /** A group whose outputs are its inputs (ReLU, truncation, reuse). */
  GcGroup(Circuit circuit, int words, int[] elements, int fullRelus) {
    this(circuit, words, elements, words, elements, fullRelus);
  }

  /** Number of instances. */
  int instances() {
    return elements.length / inWords;
  }

  /** Instances per garbled batch: the batch's labels stay near 32 MiB. */
  int batchSize() {
    int perInstance = Math.max(1, circuit.wires());
    return Math.max(1, Math.min(instances(), (1 << 21) / perInstance));
  }
}
