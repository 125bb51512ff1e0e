package io.deepreshape.pi.gc;

import io.deepreshape.pi.prg.AesPrg;
import java.util.Arrays;

/**
 * The garbler, with free-XOR (Kolesnikov and Schneider 2008) and point-and-permute: a wire's
 * one-label is its zero-label XOR a global {@code Delta} whose least significant bit is 1, so the
 * label's lowest bit is its permute bit (colour). AND gates are garbled by a {@link GarblingScheme}:
 * three-halves (the engine's) or half-gates, both hashing with {@link
 * io.deepreshape.pi.prg.TccrHash} (Guo-Katz-Wang-Yu 2020) under tweaks derived from a gate
 * identifier that is never reused under one {@code Delta}.
 *
 * <p>Garbling is level by level over a whole batch of circuit instances: all AND gates of one AND
 * depth, in all instances, are hashed in chunks of thousands of blocks per AES call. Not
 * thread-safe.
 */
public final class Garbler {
  static final int CHUNK_PAIRS = 4096;

  private final AesPrg prg;
  private final GarblingScheme scheme;
  private final long d0;
  private final long d1;
  private final AndWalk ands;
  private final boolean weakControlBits;
  private long nextTweak;

  /**
   * An engine-scheme garbler drawing a random {@code Delta} (lowest bit forced to 1) and labels
   * from {@code prg}.
   */
  public Garbler(AesPrg prg) {
    this(prg, GarblingScheme.ENGINE);
  }

  /** A garbler of {@code scheme} drawing a random {@code Delta} and labels from {@code prg}. */
  public Garbler(AesPrg prg, GarblingScheme scheme) {
    this(prg, scheme, prg.nextLong() | 1L, prg.nextLong());
  }

  /** An engine-scheme garbler with a given {@code Delta = (delta0, delta1)}; {@code delta0} odd. */
  public Garbler(AesPrg prg, long delta0, long delta1) {
    this(prg, GarblingScheme.ENGINE, delta0, delta1);
  }

  /** A garbler of {@code scheme} with a given {@code Delta}; {@code delta0} must be odd. */
  public Garbler(AesPrg prg, GarblingScheme scheme, long delta0, long delta1) {
    this(prg, scheme, delta0, delta1, false);
  }

  private Garbler(AesPrg prg, GarblingScheme scheme, long delta0, long delta1,
      boolean weakControlBits) {
    if ((delta0 & 1) == 0) {
      throw new IllegalArgumentException("Delta's lowest bit must be 1 for point-and-permute");
    }
    this.prg = prg;
    this.scheme = scheme;
    this.d0 = delta0;
    this.d1 = delta1;
    this.weakControlBits = weakControlBits;
    this.ands = scheme == GarblingScheme.HALF_GATES ? new HalfGatesGarbling(delta0, delta1)
        : new ThreeHalvesGarbling(delta0, delta1, weakControlBits ? null : prg);
  }

  /**
   * A deliberately broken three-halves garbler whose control bits are not masked: they reveal the
   * permute bits of every AND gate's inputs, and so the evaluator's plaintext wire values. Only for
   * the tests that mount that attack.
   */
  static Garbler withUnmaskedControlBits(AesPrg prg) {
    return new Garbler(prg, GarblingScheme.THREE_HALVES, prg.nextLong() | 1L, prg.nextLong(), true);
  }

  /**
   * A garbler under this one's {@code Delta} and scheme drawing from its own {@code prg}, for
   * another thread: it garbles only at identifiers this one reserved ({@link #reserveTweaks},
   * {@link #garbleAt}), so none is used twice under {@code Delta}.
   */
  public Garbler worker(AesPrg workerPrg) {
    return new Garbler(workerPrg, scheme, d0, d1, weakControlBits);
  }

  /** Reserves {@code gates} gate identifiers and returns the first. */
  public long reserveTweaks(long gates) {
    long base = nextTweak;
    nextTweak = Math.addExact(nextTweak, gates);
    return base;
  }

  /** The scheme this garbler garbles AND gates with. */
  public GarblingScheme scheme() {
    return scheme;
  }

  /** Low half of the free-XOR offset {@code Delta}. */
  public long delta0() {
    return d0;
  }

  /** High half of the free-XOR offset {@code Delta}. */
  public long delta1() {
    return d1;
  }

  /**
   * Garbles {@code batch} instances of {@code c}. Garbler-input zero-labels are drawn at random;
   * evaluator-input zero-labels are taken from {@code evaluatorLabels0} (layout {@code (i*batch +
   * k)*2} for evaluator input {@code i}, e.g. from correlated OT) or drawn when it is null. Gate
   * identifiers (hash tweaks) continue from the previous batch, so none is ever reused under this
   * garbler's {@code Delta}; the batch records where they start.
   */
  public GarbledBatch garble(Circuit c, int batch, long[] evaluatorLabels0) {
    return garble(c, batch, null, evaluatorLabels0);
  }

  /**
   * Garbles {@code batch} instances of {@code c} as {@link #garble(Circuit, int, long[])} does, with
   * the garbler-input zero-labels taken from {@code garblerLabels0} (layout {@code (i*batch + k)*2}
   * for garbler input {@code i}) or drawn when it is null. A caller that sets zero-labels {@code A
   * XOR x Delta} for active labels {@code A} it chose must choose {@code A} independently of {@code
   * Delta} and of {@code x}: then the evaluator's view is distributed as with drawn labels.
   */
  public GarbledBatch garble(Circuit c, int batch, long[] garblerLabels0, long[] evaluatorLabels0) {
    long tweakBase = reserveTweaks((long) c.andGates() * checkBatch(batch));
    return garbleAt(tweakBase, c, batch, garblerLabels0, evaluatorLabels0);
  }

  /**
   * Garbles as {@link #garble(Circuit, int, long[], long[])} does, with gate identifiers from
   * {@code tweakBase}, which the caller reserved ({@link #reserveTweaks}) for {@code
   * c.andGates() * batch} gates.
   */
  public GarbledBatch garbleAt(long tweakBase, Circuit c, int batch, long[] garblerLabels0,
      long[] evaluatorLabels0) {
    long[] tables = new long[scheme.tableLongs((long) c.andGates() * checkBatch(batch))];
    byte[] decode = garbleInto(tweakBase, c, batch, garblerLabels0, evaluatorLabels0, tables);
    long[] labels = ands.labelSpace(c.wires() * 2 * batch); // the one garbleInto wrote
    long[] inputs0 = new long[c.inputs() * batch * 2];
    System.arraycopy(labels, 0, inputs0, 0, inputs0.length);
    return new GarbledBatch(c, scheme, batch, tweakBase, tables, inputs0, decode);
  }

  /**
   * Garbles as {@link #garbleAt} does, writing the tables to the first {@link
   * GarblingScheme#tableLongs} longs of {@code tables} (which may be longer, and may hold an
   * earlier batch's tables), and returns the decoding bits. Only the first longs of the given
   * label arrays that the batch needs are read, so they may be reused buffers too. It keeps no
   * copy of the input labels: a caller that gives the garbler's zero-labels has them already. For
   * a server that garbles batch after batch, so that neither the tables nor the labels are
   * allocated anew each time.
   */
  public byte[] garbleInto(long tweakBase, Circuit c, int batch, long[] garblerLabels0,
      long[] evaluatorLabels0, long[] tables) {
    int tableLongs = scheme.tableLongs((long) c.andGates() * checkBatch(batch));
    if (tables.length < tableLongs) {
      throw new IllegalArgumentException("expected room for " + tableLongs
          + " longs of tables, got " + tables.length);
    }
    long[] labels = ands.labelSpace(Math.multiplyExact(c.wires() * 2, batch));
    int garblerLongs = c.garblerInputs() * batch * 2;
    int evalLongs = c.evaluatorInputs() * batch * 2;
    setInputLabels(labels, 0, garblerLongs, garblerLabels0, "garbler");
    setInputLabels(labels, garblerLongs, evalLongs, evaluatorLabels0, "evaluator");
    Arrays.fill(tables, 0, tableLongs, 0L);
    for (int d = 0; d < c.levels(); d++) {
      ands.walk(c, batch, labels, tables, tweakBase, c.levelStart(d), c.levelAndEnd(d));
      freeGates(c, batch, labels, c.levelAndEnd(d), c.levelEnd(d));
    }
    byte[] decode = new byte[c.outputCount() * batch];
    for (int o = 0; o < c.outputCount(); o++) {
      int base = c.output(o) * batch;
      for (int k = 0; k < batch; k++) {
        decode[o * batch + k] = (byte) ((labels[(base + k) * 2] & 1) ^ c.outputNegated(o));
      }
    }
    return decode;
  }

  private static int checkBatch(int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be >= 1, got " + batch);
    }
    return batch;
  }

  /** Copies the first {@code longs} of {@code given} (null: draws them) to {@code labels[off..]}. */
  private void setInputLabels(long[] labels, int off, int longs, long[] given, String whose) {
    if (given == null) {
      prg.nextLongs(labels, off, longs);
      return;
    }
    if (given.length < longs) {
      throw new IllegalArgumentException("expected " + longs + " longs of " + whose
          + " labels, got " + given.length);
    }
    System.arraycopy(given, 0, labels, off, longs);
  }

  private void freeGates(Circuit c, int batch, long[] labels, int from, int to) {
    for (int pos = from; pos < to; pos++) {
      int g = c.scheduled(pos);
      int o = (c.inputs() + g) * batch * 2;
      int a = c.in0(g) * batch * 2;
      int b = c.in1(g) * batch * 2;
      for (int i = 0; i < 2 * batch; i++) {
        labels[o + i] = labels[a + i] ^ labels[b + i];
      }
    }
  }

  /**
   * The active labels for input wires {@code first .. first+count-1} given their bits ({@code
   * bits[i*batch + k]} for wire {@code first + i}); layout {@code (i*batch + k)*2}.
   */
  public long[] encode(GarbledBatch g, int first, int count, byte[] bits) {
    int batch = g.batch();
    if (bits.length != count * batch) {
      throw new IllegalArgumentException("expected " + count * batch + " bits, got "
          + bits.length);
    }
    long[] out = new long[count * batch * 2];
    long[] zero = g.inputLabels0();
    int base = first * batch * 2;
    for (int i = 0; i < count * batch; i++) {
      long m = -(bits[i] & 1);
      out[2 * i] = zero[base + 2 * i] ^ (m & d0);
      out[2 * i + 1] = zero[base + 2 * i + 1] ^ (m & d1);
    }
    return out;
  }
}
