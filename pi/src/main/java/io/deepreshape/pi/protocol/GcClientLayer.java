package io.deepreshape.pi.protocol;

import io.deepreshape.pi.channel.Channel;
import io.deepreshape.pi.gc.Circuit;
import io.deepreshape.pi.gc.GarblingScheme;
import io.deepreshape.pi.gc.GcEvaluator;
import io.deepreshape.pi.gc.WireBits;
import io.deepreshape.pi.ot.IknpOtReceiver;
import io.deepreshape.pi.prg.LongBytes;
import io.deepreshape.pi.quant.QuantConfig;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Future;

/**
 * The evaluator's side of one garbled layer (ReLU, truncation, reuse or max-pool) (PI-ENGINE.md section 2). Offline it receives, batch
 * by batch, the labels of its share {@code c} by correlated OT on the server's offset and stores the
 * tables, the seed of the labels of the server's mask {@code u} ({@link MaskSeed}) and the
 * decoding bits (the client's storage). Online it evaluates on
 * the labels of {@code a}, decodes {@code v = f(a + c) - u} and answers {@code v - r'}.
 */
final class GcClientLayer {
  private final List<GcGroup> groups;
  private final QuantConfig q;
  private final GcStore store;
  private long storageBytes;
  /** The last batch's received input labels, lent to the next receive. */
  private byte[] labelBytes;

  GcClientLayer(List<GcGroup> groups, QuantConfig q, GcStore store) {
    this.groups = groups;
    this.q = q;
    this.store = store;
  }

  /**
   * Bytes this layer's material takes in the store: tables ({@link GarblingScheme#ENGINE}, packed
   * batch by batch), the labels of its own share, and per batch the mask seed, the tweak base and
   * the decoding bits packed eight to a byte.
   */
  static long expectedStorage(List<GcGroup> groups, int l) {
    long bytes = 0;
    for (GcGroup g : groups) {
      long n = g.instances();
      long full = n / g.batchSize();
      long rest = n % g.batchSize();
      long ands = g.circuit().andGates();
      bytes += full * GarblingScheme.ENGINE.tableBytes(ands * g.batchSize())
          + (rest > 0 ? GarblingScheme.ENGINE.tableBytes(ands * rest) : 0);
      int outs = g.circuit().outputCount();
      bytes += n * 16L * g.circuit().evaluatorInputs()
          + full * (8L * MaskSeed.LONGS + 8 + WireBits.packedBytes(outs * g.batchSize()))
          + (rest > 0 ? 8L * MaskSeed.LONGS + 8 + WireBits.packedBytes((int) (outs * rest)) : 0);
    }
    return bytes;
  }

  /** Bytes of garbled material stored between the phases. */
  long storageBytes() {
    return storageBytes;
  }

  /**
   * Offline: OT for the labels of {@code c} (the layer's share, ring elements) and storage, in
   * windows of {@link GcPlan#WINDOW} batches: the OT columns of a window, then its material.
   */
  void offline(Channel ch, IknpOtReceiver ot, long[] c) {
    List<int[]> batches = GcPlan.batches(groups);
    for (int w0 = 0; w0 < batches.size(); w0 += GcPlan.WINDOW) {
      List<int[]> window = batches.subList(w0, Math.min(batches.size(), w0 + GcPlan.WINDOW));
      long[][] own = new long[window.size()][];
      for (int i = 0; i < own.length; i++) {
        own[i] = ownLabels(window.get(i), ot, c);
      }
      for (int i = 0; i < own.length; i++) {
        receive(ch, window.get(i), own[i]);
      }
    }
  }

  /** OT for the labels of the share's bits in batch {group, first, size}. */
  private long[] ownLabels(int[] bt, IknpOtReceiver ot, long[] c) {
    GcGroup g = groups.get(bt[0]);
    int words = g.inWords();
    int b = bt[2];
    int[] el = g.elements();
    long[] vals = new long[words * b];
    for (int i = 0; i < vals.length; i++) {
      vals[i] = c[el[bt[1] * words + i]];
    }
    byte[] bits = new byte[words * q.l() * b];
    WireBits.encode(vals, words, q.l(), bits, 0, b);
    return ot.receiveOnOffset(WireBits.pack(bits), bits.length);
  }

  /** Receives and stores the tables, mask seed and decoding bits of batch {group, first, size}. */
  private void receive(Channel ch, int[] bt, long[] own) {
    Circuit circuit = groups.get(bt[0]).circuit();
    int b = bt[2];
    byte[] tab = ch.receive(Msg.GC_TABLES,
        8L * GarblingScheme.ENGINE.tableLongs((long) circuit.andGates() * b), store::receiveBuffer);
    long[] seed = ch.receiveLongs(Msg.GC_MASK_SEED, MaskSeed.LONGS);
    byte[] decode = ch.receive(Msg.GC_DECODE,
        8 + WireBits.packedBytes(circuit.outputCount() * b));
    long before = store.bytes();
    store.putReceived(tab, seed, own, decode);
    storageBytes += store.bytes() - before;
  }

  /**
   * Online: evaluates every batch and answers {@code v - rNext}; returns how long it waited for the
   * first batch's labels, which the server sends once it has computed the linear layers before this
   * step in the clear. Up to one batch per evaluator (one per worker thread) is evaluated while this thread receives the labels
   * of the next (the server sends them without waiting for answers); answers go back in order.
   * Batch {@code i} uses evaluator {@code i mod n}: its previous user, batch {@code i - n}, has been
   * answered before batch {@code i} starts.
   */
  long online(Channel ch, long[] rNext, GcEvaluator[] evaluators) {
    long t0 = System.nanoTime();
    long waited = 0;
    List<int[]> batches = GcPlan.batches(groups);
    ArrayDeque<Future<long[]>> inFlight = new ArrayDeque<>();
    for (int i = 0; i < batches.size(); i++) {
      if (inFlight.size() == evaluators.length) {
        sendAnswer(ch, Parallel.await(inFlight.poll()));
      }
      int[] bt = batches.get(i);
      byte[] labels = receiveInputLabels(ch, bt);
      if (i == 0) {
        waited = System.nanoTime() - t0;
      }
      GcStore.Batch stored = store.next();
      GcEvaluator evaluator = evaluators[i % evaluators.length];
      writeInputLabels(labels, bt, stored, evaluator);
      inFlight.add(Parallel.submit(() -> answer(bt, stored, evaluator, rNext)));
    }
    while (!inFlight.isEmpty()) {
      sendAnswer(ch, Parallel.await(inFlight.poll()));
    }
    return waited;
  }

  private static void sendAnswer(Channel ch, long[] v) {
    ch.sendLongs(Msg.MASKED_OUTPUT, v, 0, v.length);
  }

  /**
   * The active labels of a batch's input wires of {@code a}, as received, into the array the
   * previous batch's were received into when it has the length (its labels have been copied to
   * their evaluator by then): megabytes per batch that would otherwise be humongous garbage.
   */
  private byte[] receiveInputLabels(Channel ch, int[] bt) {
    labelBytes = ch.receive(Msg.GC_INPUT_LABELS, 8L * inputLabelLongs(bt),
        n -> labelBytes != null && labelBytes.length == n ? labelBytes : null);
    return labelBytes;
  }

  private long inputLabelLongs(int[] bt) {
    return (long) groups.get(bt[0]).inWords() * q.l() * bt[2] * 2;
  }

  /**
   * Writes the active labels of every input wire of a batch, {@code a} (received), {@code u}
   * (expanded from its seed) and {@code c} (stored), straight into {@code evaluator}'s label space.
   */
  private void writeInputLabels(byte[] a, int[] bt, GcStore.Batch stored,
      GcEvaluator evaluator) {
    GcGroup g = groups.get(bt[0]);
    int l = q.l();
    int b = bt[2];
    int aLongs = (int) inputLabelLongs(bt);
    int uWires = g.outWords() * l * b;
    long[] own = stored.ownLabels();
    if (aLongs + 2L * uWires + own.length != 2L * g.circuit().inputs() * b) {
      throw new IllegalStateException("the stored batch holds " + own.length + " longs of the"
          + " client's labels, which do not complete the circuit's inputs");
    }
    long[] inputs = evaluator.inputSpace(g.circuit(), b);
    LongBytes.fromBytes(a, 0, inputs, 0, aLongs);
    MaskSeed.labelsInto(stored.maskSeed(), uWires, inputs, aLongs);
    System.arraycopy(own, 0, inputs, aLongs + 2 * uWires, own.length);
  }

  /** Evaluates a batch and decodes its answer {@code v - rNext}. */
  private long[] answer(int[] bt, GcStore.Batch stored, GcEvaluator evaluator, long[] rNext) {
    GcGroup g = groups.get(bt[0]);
    Circuit circuit = g.circuit();
    int b = bt[2];
    byte[] decode = stored.decode();
    byte[] bits = evaluator.outputColours(circuit, b, stored.tables(), LongBytes.get(decode, 0));
    for (int i = 0; i < bits.length; i++) {
      bits[i] ^= (byte) WireBits.bitAt(decode, 8, i);
    }
    long[] v = WireBits.decode(bits, 0, g.outWords(), q.l(), b);
    int[] outIdx = g.outputs();
    int base = bt[1] * g.outWords();
    for (int i = 0; i < v.length; i++) {
      v[i] = (v[i] - rNext[outIdx[base + i]]) & q.mask();
    }
    store.recycle(stored);
    return v;
  }
}
