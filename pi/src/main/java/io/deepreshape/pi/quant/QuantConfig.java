package io.deepreshape.pi.quant;

/**
 * The fixed-point number format of PI-ENGINE.md section 1: values live in the ring {@code
 * Z_{2^l}} as two's-complement {@code l}-bit words with {@code s} fractional bits (Cheetah's
 * defaults for ResNet-50, Huang et al. 2022: {@code l = 37, s = 12}).
 *
 * @param l ring bits
 * @param s fractional bits of activations and weights; biases use {@code 2s}
 */
public record QuantConfig(int l, int s) {
  /** The engine's default format. */
  public static final QuantConfig DEFAULT = new QuantConfig(37, 12);

  /** Validates the format. */
  public QuantConfig {
    if (l < 8 || l > 60) {
      throw new IllegalArgumentException("ring bits l must be in [8, 60], got " + l);
    }
    if (s < 1 || 3 * s >= l + s) {
      throw new IllegalArgumentException("fractional bits s must be in [1, l/2), got " + s
          + " for l=" + l);
    }
  }

  /** {@code 2^l - 1}. */
  public long mask() {
    return (1L << l) - 1;
  }

  /** The signed value of a ring element. */
  public long signed(long v) {
    return (v << (64 - l)) >> (64 - l);
  }

  /** {@code round(x * 2^bits) mod 2^l}; fails if the value does not fit the ring. */
  public long encode(double x, int bits) {
    double scaled = Math.rint(x * Math.scalb(1.0, bits));
    if (!(Math.abs(scaled) < Math.scalb(1.0, l - 1))) {
      throw new IllegalArgumentException("value " + x + " does not fit " + l + "-bit fixed point"
          + " with " + bits + " fractional bits");
    }
    return ((long) scaled) & mask();
  }

  /** The real value of a signed ring element at scale {@code 2^bits}. */
  public double decode(long v, int bits) {
    return Math.scalb((double) signed(v), -bits);
  }
}
