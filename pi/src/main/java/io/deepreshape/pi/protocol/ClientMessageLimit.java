package io.deepreshape.pi.protocol;

import io.deepreshape.pi.he.BfvParameters;
import io.deepreshape.pi.he.HomConv;
import io.deepreshape.pi.he.HomFc;
import io.deepreshape.pi.he.SeededCiphertext;
import io.deepreshape.pi.quant.FloatNetwork;
import io.deepreshape.pi.quant.LinearOp;
import io.deepreshape.pi.quant.QuantConfig;
import io.deepreshape.pi.quant.Step;

/**
 * The largest message a client of a given network has any reason to send (issue 15): the server
 * accepts nothing larger once the handshake is done, and before it only {@link #HANDSHAKE_BYTES}.
 * Derived from the public shape, message by message of the protocol:
 * <ul>
 *   <li>an HE input: the seeded ciphertexts of one linear layer's mask ({@link HeLinear}, {@link
 *       SeededCiphertext}: {@code c0} and a seed);</li>
 *   <li>the HE public key ({@link Msg#HE_PUBLIC_KEY}): two polynomials per prime;</li>
 *   <li>IKNP columns: {@value #OT_COLUMNS} columns of at most {@value #OT_CHUNK} OTs, rounded up to
 *       128-bit blocks, and the base OTs' points (the ot package's chunking);</li>
 *   <li>a masked input or a garbled layer's masked output: 8 bytes per element;</li>
 *   <li>an error report: {@value #ERROR_BYTES} bytes of text.</li>
 * </ul>
 */
final class ClientMessageLimit {
  /** The first message's limit: a HELLO (a 32-byte hash) or an error report. */
  static final int HANDSHAKE_BYTES = 1024;
  /** Longest error report either side sends ({@link PeerErrorChannel}). */
  static final int ERROR_BYTES = 1000;
  private static final int OT_COLUMNS = 128;
  private static final int OT_CHUNK = 1 << 16;
  private static final int BASE_OT_POINT_BYTES = 33;

  private ClientMessageLimit() {}

  /** The limit in bytes for a session of {@code program} in format {@code q}. */
  static int of(FloatNetwork program, QuantConfig q) {
    BfvParameters params = HeContext.params(q.l());
    long ct = 8L * SeededCiphertext.longs(params);
    long max = Math.max(ERROR_BYTES, 8L * 2 * params.primeCount() * params.n());
    max = Math.max(max, 8L * OT_COLUMNS * 2 * ((OT_CHUNK + 127) / 128));
    max = Math.max(max, (long) OT_COLUMNS * BASE_OT_POINT_BYTES);
    max = Math.max(max, 8L * program.inputElements());
    for (Step step : program.steps()) {
      for (LinearOp op : step.linears()) {
        max = Math.max(max, inputPolys(op, params) * ct);
      }
      if (step.garbled()) {
        max = Math.max(max, 8L * step.outElements());
      }
    }
    return (int) Math.min(Integer.MAX_VALUE, max);
  }

  private static long inputPolys(LinearOp op, BfvParameters params) {
    return op.isConv() ? new HomConv(op.conv(), params.n()).inputPolys()
        : new HomFc(op.inFeatures(), op.outFeatures(), params.n()).inputPolys();
  }
}
