package io.deepreshape.pi.quant;

import java.util.List;

/**
 * A {@link FloatNetwork} in fixed point over {@code Z_{2^l}} (PI-ENGINE.md section 1): weights at
 * scale {@code 2^s}, biases at {@code 2^{2s}}, both as ring elements; the server's secret.
 *
 * @param program the float network (its steps give the structure)
 * @param config ring and fractional bits
 * @param weights per linear layer id, ring elements
 * @param biases per linear layer id, ring elements at scale {@code 2^{2s}}
 */
public record QuantNetwork(FloatNetwork program, QuantConfig config, long[][] weights,
    long[][] biases) {
  /** Quantises {@code net} (which must carry weights). */
  public static QuantNetwork quantize(FloatNetwork net, QuantConfig config) {
    if (!net.hasWeights()) {
      throw new IllegalArgumentException("the network " + net.graph().name() + " has no weights");
    }
    int n = net.linearCount();
    long[][] w = new long[n][];
    long[][] b = new long[n][];
    for (int i = 0; i < n; i++) {
      w[i] = encode(net.weights()[i], config, config.s());
      b[i] = encode(net.biases()[i], config, 2 * config.s());
    }
    return new QuantNetwork(net, config, w, b);
  }

  /** The steps. */
  public List<Step> steps() {
    return program.steps();
  }

  /** Quantises a normalised image (CHW) at scale {@code 2^s}. */
  public long[] quantizeInput(double[] image) {
    return encode(image, config, config.s());
  }

  /** {@code round(v * 2^bits) mod 2^l} element-wise. */
  public static long[] encode(double[] v, QuantConfig config, int bits) {
    long[] out = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = config.encode(v[i], bits);
    }
    return out;
  }
}
