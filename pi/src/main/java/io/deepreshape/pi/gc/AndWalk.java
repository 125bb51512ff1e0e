package io.deepreshape.pi.gc;

/**
 * How a scheme garbles or evaluates the AND gates of one level: the walk over every (gate, instance)
 * pair at scheduled positions {@code from .. to-1}, in chunks of {@link Garbler#CHUNK_PAIRS}
 * pairs, each chunk staged a run of one gate's instances at a time, hashed in one call, then
 * finished a run at a time. Wire
 * labels are at {@code (w*batch + k)*2}; a pair's gate number in a batch (its table slot) is
 * {@code ordinal*batch + k}; its identifier, from which hash tweaks derive, is that plus the
 * batch's tweak base. Not thread-safe.
 */
abstract class AndWalk {
  /** The circuit walked. */
  protected Circuit c;
  /** Instances in the batch. */
  protected int batch;
  /** The batch's wire labels. */
  protected long[] labels;
  /** The batch's garbled tables. */
  protected long[] tables;
  /** The identifier of the batch's gate slot 0. */
  protected long tweakBase;
  /** The wire labels of the last batch, reused: every label is written before it is read. */
  private long[] labelSpace = new long[0];
  /** Per staged pair of the chunk: four label halves a scheme keeps from staging to finishing. */
  private final long[] kept = new long[Garbler.CHUNK_PAIRS * 4];

  /**
   * Garbles or evaluates the AND gates at scheduled positions {@code from .. to-1} of every
   * instance: reads their inputs' labels and writes their outputs', and the garbler writes the
   * tables (layout of {@link GarblingScheme}) that the evaluator reads.
   */
  final void walk(Circuit circuit, int instances, long[] wireLabels, long[] garbledTables,
      long tweakBase, int from, int to) {
    c = circuit;
    batch = instances;
    labels = wireLabels;
    tables = garbledTables;
    this.tweakBase = tweakBase;
    int pos = from;
    int k = 0;
    while (pos < to) {
      int n = 0;
      int startPos = pos;
      int startK = k;
      while (n < Garbler.CHUNK_PAIRS && pos < to) {
        int g = c.scheduled(pos);
        int run = Math.min(batch - k, Garbler.CHUNK_PAIRS - n);
        stage(n, run, in0(g, k), in1(g, k), c.negations(g), tweakBase + gate(g, k));
        n += run;
        k += run;
        if (k == batch) {
          k = 0;
          pos++;
        }
      }
      hash(n);
      pos = startPos;
      k = startK;
      for (int i = 0; i < n; ) {
        int g = c.scheduled(pos);
        int run = Math.min(batch - k, n - i);
        finish(i, run, out(g, k), gate(g, k));
        i += run;
        k += run;
        if (k == batch) {
          k = 0;
          pos++;
        }
      }
    }
  }

  /**
   * Stages pairs {@code n .. n+run-1} of the chunk: {@code run} consecutive instances of one gate,
   * the first instance's input labels at {@code a} and {@code b} (each next instance's two longs
   * on), the gate's {@link Circuit#negations} {@code negations} (a garbler reads a negated input's
   * zero-label plus {@code Delta}; an evaluator's active label is the same either way),
   * identifiers {@code id, id+1, ...}. One gate's instances per call, so the scheme's loop over
   * them indexes every array linearly.
   */
  abstract void stage(int n, int run, int a, int b, int negations, long id);

  /** Hashes the {@code n} staged pairs. */
  abstract void hash(int n);

  /**
   * Finishes pairs {@code i .. i+run-1} of the chunk, staged by one {@link #stage} call or part of
   * one: the first instance's output label at {@code o}, its table slot {@code gate}, each next
   * instance's two longs and one slot on.
   */
  abstract void finish(int i, int run, int o, int gate);

  /** Room for a batch's {@code longs} longs of wire labels, reused from the batch before. */
  final long[] labelSpace(int longs) {
    if (labelSpace.length < longs) {
      labelSpace = new long[longs];
    }
    return labelSpace;
  }

  /**
   * Keeps the input labels of pairs {@code n .. n+run-1} as they are, the first pair's at {@code a}
   * and {@code b} in {@link #labels}, each next pair's two longs on.
   */
  final void keepRun(int n, int run, int a, int b) {
    for (int j = 0; j < run; j++) {
      keep(n + j, labels[a + 2 * j], labels[a + 2 * j + 1], labels[b + 2 * j],
          labels[b + 2 * j + 1]);
    }
  }

  /** Keeps pair {@code n}'s input labels {@code A = (al, ar)} and {@code B = (bl, br)}. */
  final void keep(int n, long al, long ar, long bl, long br) {
    int i = 4 * n;
    kept[i] = al;
    kept[i + 1] = ar;
    kept[i + 2] = bl;
    kept[i + 3] = br;
  }

  /** Half {@code h} ({@code 0..3}: {@code al, ar, bl, br}) of what pair {@code n} kept. */
  final long kept(int n, int h) {
    return kept[4 * n + h];
  }

  /** Where the label of gate {@code g}'s first input, instance {@code k}, starts. */
  private int in0(int g, int k) {
    return (c.in0(g) * batch + k) * 2;
  }

  /** Where the label of gate {@code g}'s second input, instance {@code k}, starts. */
  private int in1(int g, int k) {
    return (c.in1(g) * batch + k) * 2;
  }

  /** Where the label of gate {@code g}'s output, instance {@code k}, starts. */
  private int out(int g, int k) {
    return ((c.inputs() + g) * batch + k) * 2;
  }

  /** The pair's gate number in the batch: its table slot. */
  private int gate(int g, int k) {
    return c.andOrdinal(g) * batch + k;
  }
}
