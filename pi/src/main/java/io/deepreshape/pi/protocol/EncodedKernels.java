package io.deepreshape.pi.protocol;

import io.deepreshape.pi.he.BfvParameters;
import io.deepreshape.pi.he.NttPlaintext;
import io.deepreshape.pi.quant.LinearOp;
import io.deepreshape.pi.quant.QuantNetwork;
import io.deepreshape.pi.quant.Step;
import java.util.HashMap;
import java.util.Map;

/**
 * A served model's kernel polynomials in NTT form, encoded once when the server starts instead of
 * in every session's offline phase, where their forward transforms were a quarter of the server's
 * work (docs/results/pi-engine.md). They depend on the weights and the session parameters only,
 * never on a client. Memory is bounded: chunks ({@link HeLinear#chunk}) are kept in the network's
 * order while they fit in the budget, and a layer's chunks beyond it are encoded per session as
 * before. Immutable once built, so sessions on any thread share it.
 */
public final class EncodedKernels {
  private static final EncodedKernels NONE = new EncodedKernels(null, Map.of(), 0, 0, 0);

  private final BfvParameters params;
  private final Map<Long, NttPlaintext[]> chunks;
  /** Bytes of one encoded polynomial: a long per coefficient and prime. */
  private final long polyBytes;
  private final int cachedPolys;
  private final int totalPolys;

  private EncodedKernels(BfvParameters params, Map<Long, NttPlaintext[]> chunks, long polyBytes,
      int cachedPolys, int totalPolys) {
    this.params = params;
    this.chunks = chunks;
    this.polyBytes = polyBytes;
    this.cachedPolys = cachedPolys;
    this.totalPolys = totalPolys;
  }

  /** Nothing cached: every session encodes its kernels. */
  public static EncodedKernels none() {
    return NONE;
  }

  /**
   * Encodes {@code net}'s kernels at its session parameters, chunk by chunk in network order, as
   * long as they fit in {@code budgetBytes} (0 caches nothing).
   */
  public static EncodedKernels encode(QuantNetwork net, long budgetBytes) {
    if (budgetBytes < 0) {
      throw new IllegalArgumentException("kernel cache budget must be >= 0 bytes, got "
          + budgetBytes);
    }
    BfvParameters params = HeContext.params(net.config().l());
    long polyBytes = 8L * params.primeCount() * params.n();
    Map<Long, NttPlaintext[]> chunks = new HashMap<>();
    int cachedPolys = 0;
    int totalPolys = 0;
    for (Step step : net.steps()) {
      for (LinearOp op : step.linears()) {
        int chunk = HeLinear.chunk(op, params);
        for (int m0 = 0; m0 < op.outChannels(); m0 += chunk) {
          long[][] polys = HeLinear.chunkPolynomials(op, net.weights()[op.id()], params, m0);
          totalPolys += polys.length;
          if ((long) (cachedPolys + polys.length) * polyBytes <= budgetBytes) {
            chunks.put(key(op, m0), HeLinear.toNtt(params, polys));
            cachedPolys += polys.length;
          }
        }
      }
    }
    return new EncodedKernels(params, Map.copyOf(chunks), polyBytes, cachedPolys, totalPolys);
  }

  /**
   * The encoded chunk of {@code op} from output channel {@code m0} at {@code sessionParams}, or
   * null where it is not cached.
   */
  NttPlaintext[] get(LinearOp op, int m0, BfvParameters sessionParams) {
    if (chunks.isEmpty()) {
      return null;
    }
    if (sessionParams != params) {
      throw new IllegalStateException("kernels were encoded for other HE parameters than the"
          + " session's");
    }
    return chunks.get(key(op, m0));
  }

  /** Bytes of encoded kernels held. */
  public long cachedBytes() {
    return cachedPolys * polyBytes;
  }

  /** Bytes all of the model's encoded kernels would take. */
  public long totalBytes() {
    return totalPolys * polyBytes;
  }

  /** Kernel polynomials held. */
  public int cachedPolynomials() {
    return cachedPolys;
  }

  /** The model's kernel polynomials per offline phase. */
  public int totalPolynomials() {
    return totalPolys;
  }

  private static long key(LinearOp op, int m0) {
    return (long) op.id() << 32 | m0;
  }
}
