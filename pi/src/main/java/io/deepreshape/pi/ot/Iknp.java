package io.deepreshape.pi.ot;

import io.deepreshape.pi.channel.ChannelException;
import io.deepreshape.pi.prg.AesPrg;
import io.deepreshape.pi.prg.LongBytes;

/** Constants and helpers shared by the IKNP sender and receiver. */
final class Iknp {
  /** Number of base OTs: the computational security parameter. */
  static final int KAPPA = 128;
  /** OTs extended per message of columns; bounds memory to about 1 MiB of columns per side. */
  static final int CHUNK = 1 << 16;
  static final byte MSG_U = 0x22;
  static final byte MSG_Y = 0x23;

  private Iknp() {}

  /** Longs per column for {@code n} OTs, rounded up to whole 128-bit AES blocks. */
  static int words(int n) {
    return 2 * ((n + 127) >>> 7);
  }

  static AesPrg prgFromKey(long[] keys, int off) {
    byte[] seed = new byte[16];
    LongBytes.set(seed, 0, keys[off]);
    LongBytes.set(seed, 8, keys[off + 1]);
    return new AesPrg(seed);
  }

  static void checkN(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("number of OTs must be >= 0, got " + n);
    }
  }

  static void checkLength(long[] got, int want, String what) {
    if (got.length != want) {
      throw new ChannelException("OT extension: expected " + want + " longs of " + what + ", got "
          + got.length);
    }
  }
}
