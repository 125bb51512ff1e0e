package io.deepreshape.pi.protocol;

import io.deepreshape.pi.prg.AesPrg;
import io.deepreshape.pi.prg.LongBytes;

/**
 * The active labels of the server's fresh mask {@code u} in a garbled batch, expanded from a
 * 128-bit seed the server draws per batch and sends in their place (16 bytes instead of 16 per
 * wire). The server garbles with zero-labels {@code A XOR u_i Delta} for the expanded {@code A}, so
 * the client holds the active labels without ever seeing them sent; as {@code A} is drawn
 * independently of {@code Delta} and of {@code u}, the client's view is distributed exactly as
 * when random zero-labels are drawn and the active ones sent.
 */
final class MaskSeed {
  /** Longs of a seed. */
  static final int LONGS = 2;

  private MaskSeed() {}

  /** The {@code wires} active labels (two longs each) that {@code seed} expands to. */
  static long[] labels(long[] seed, int wires) {
    long[] out = new long[Math.multiplyExact(2, wires)];
    labelsInto(seed, wires, out, 0);
    return out;
  }

  /** Writes the {@code wires} active labels that {@code seed} expands to into {@code dst[off..]}. */
  static void labelsInto(long[] seed, int wires, long[] dst, int off) {
    if (seed.length != LONGS) {
      throw new IllegalArgumentException("a mask seed has " + LONGS + " longs, got " + seed.length);
    }
    new AesPrg(LongBytes.toBytes(seed, 0, LONGS)).nextLongs(dst, off, Math.multiplyExact(2, wires));
  }
}
