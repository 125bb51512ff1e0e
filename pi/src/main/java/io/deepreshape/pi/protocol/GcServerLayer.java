package io.deepreshape.pi.protocol;

import io.deepreshape.pi.channel.Channel;
import io.deepreshape.pi.gc.Circuit;
import io.deepreshape.pi.gc.Garbler;
import io.deepreshape.pi.gc.WireBits;
import io.deepreshape.pi.ot.IknpOtSender;
import io.deepreshape.pi.prg.AesPrg;
import io.deepreshape.pi.prg.LongBytes;
import io.deepreshape.pi.quant.QuantConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The garbler's side of one garbled layer (ReLU, truncation, reuse or max-pool) (PI-ENGINE.md section 2; Delphi's ReLU protocol on a
 * power-of-two ring). Offline, batch by batch: correlated OT on the garbler's free-XOR offset gives
 * the client the labels of its share {@code c} without a message from the server, the server
 * garbles with the OT's rows as evaluator zero-labels and sends the tables, the seed of the labels
 * of its fresh mask {@code u} ({@link MaskSeed}) and the decoding bits; it keeps the zero-labels
 * of its input {@code a}. Online it sends the labels of {@code a} and turns the client's {@code
 * v - r'} into {@code x' - r'} by adding {@code u}.
 */
final class GcServerLayer {
  private final List<GcGroup> groups;
  private final QuantConfig q;
  private final List<long[]> zeroLabels = new ArrayList<>();
  private final List<long[]> masks = new ArrayList<>();

  /** Whether the labels the seed expands to are (wrongly) the zero-labels: only for an attack test. */
  private final boolean seedGivesZeroLabels;

  GcServerLayer(List<GcGroup> groups, QuantConfig q) {
    this(groups, q, false);
  }

  private GcServerLayer(List<GcGroup> groups, QuantConfig q, boolean seedGivesZeroLabels) {
    this.groups = groups;
    this.q = q;
    this.seedGivesZeroLabels = seedGivesZeroLabels;
  }

  /**
   * A deliberately broken layer that garbles with the seed's labels as the zero-labels of its mask
   * {@code u}: the client then holds the labels of {@code u = 0} and decodes {@code f(a + c)}
   * unmasked. Only for the test that mounts that attack.
   */
  static GcServerLayer withSeedGivingZeroLabels(List<GcGroup> groups, QuantConfig q) {
    return new GcServerLayer(groups, q, true);
  }

  /**
   * Offline: OT, garbling and sending of every batch. {@code garbler}'s offset must be {@code ot}'s
   * ({@link IknpOtSender#sendOnOffset}): the OT's rows are the zero-labels of the client's share.
   * Batches go in windows of {@link GcPlan#WINDOW}: the client sends the OT columns of a whole
   * window, the batches of the window are garbled on the engine's workers, then sent in order.
   */
  void offline(Channel ch, Garbler garbler, IknpOtSender ot, AesPrg prg) {
    offline(ch, new ServerGarbling(garbler, prg), ot, prg);
  }

  /** As {@link #offline(Channel, Garbler, IknpOtSender, AesPrg)}, with a phase's garbling buffers. */
  void offline(Channel ch, ServerGarbling gs, IknpOtSender ot, AesPrg prg) {
    Garbler garbler = gs.garbler();
    if (garbler.delta0() != ot.delta0() || garbler.delta1() != ot.delta1()) {
      throw new IllegalArgumentException("the garbler's free-XOR offset must be the OT extension's");
    }
    List<int[]> batches = GcPlan.batches(groups);
    for (int w0 = 0; w0 < batches.size(); w0 += GcPlan.WINDOW) {
      List<int[]> window = batches.subList(w0, Math.min(batches.size(), w0 + GcPlan.WINDOW));
      Input[] in = new Input[window.size()];
      for (int i = 0; i < in.length; i++) {
        in[i] = input(window.get(i), i, gs, ot, prg);
      }
      byte[][] decode = new byte[in.length][];
      Parallel.forEach(in.length, (wk, i) -> decode[i] = gs.worker(wk).garbleInto(in[i].tweakBase,
          in[i].group.circuit(), in[i].size, in[i].garblerLabels, in[i].evalLabels, in[i].tables));
      for (int i = 0; i < in.length; i++) {
        ch.sendLongs(Msg.GC_TABLES, in[i].tables, 0, in[i].tableLongs);
        ch.sendLongs(Msg.GC_MASK_SEED, in[i].seed, 0, in[i].seed.length);
        ch.send(Msg.GC_DECODE, decodeMessage(in[i].tweakBase, decode[i]));
        int aLongs = in[i].group.inWords() * q.l() * in[i].size * 2;
        zeroLabels.add(Arrays.copyOf(in[i].garblerLabels, aLongs));
        masks.add(in[i].u);
      }
    }
  }

  /**
   * What one batch is garbled from and into: {@code garblerLabels}, {@code evalLabels} and {@code
   * tables} are a window slot's buffers, of which the batch uses the first longs.
   */
  private record Input(GcGroup group, int size, long tweakBase, long[] garblerLabels,
      long[] evalLabels, long[] tables, int tableLongs, long[] u, long[] seed) {}

  /**
   * The OT, the fresh mask {@code u}, its seed and the garbler's labels of batch {group, first,
   * size}, in window slot {@code slot}'s buffers.
   */
  private Input input(int[] bt, int slot, ServerGarbling gs, IknpOtSender ot, AesPrg prg) {
    GcGroup g = groups.get(bt[0]);
    Circuit c = g.circuit();
    Garbler garbler = gs.garbler();
    int b = bt[2];
    int l = q.l();
    int inLongs = g.inWords() * l * b * 2;
    int evalOts = c.evaluatorInputs() * b;
    long[] evalLabels = gs.evaluatorLabels(slot, 2 * evalOts);
    ot.sendOnOffset(evalOts, evalLabels);
    long[] u = mask(g.outWords() * b, prg);
    long[] seed = {prg.nextLong(), prg.nextLong()};
    long[] garblerLabels = gs.garblerLabels(slot, c.garblerInputs() * b * 2);
    prg.nextLongs(garblerLabels, 0, inLongs);
    byte[] bits = new byte[g.outWords() * l * b];
    WireBits.encode(u, g.outWords(), l, bits, 0, b);
    MaskSeed.labelsInto(seed, bits.length, garblerLabels, inLongs);
    if (!seedGivesZeroLabels) {
      addDelta(garblerLabels, inLongs, bits, garbler.delta0(), garbler.delta1());
    }
    long ands = (long) c.andGates() * b;
    long tweakBase = garbler.reserveTweaks(ands);
    int tableLongs = garbler.scheme().tableLongs(ands);
    return new Input(g, b, tweakBase, garblerLabels, evalLabels, gs.tables(slot, tableLongs),
        tableLongs, u, seed);
  }

  private long[] mask(int n, AesPrg prg) {
    long[] u = new long[n];
    prg.nextLongs(u);
    for (int i = 0; i < u.length; i++) {
      u[i] &= q.mask();
    }
    return u;
  }

  /**
   * Adds {@code bit Delta} to the label of each wire carrying {@code bits}, from {@code
   * labels[off]}, in place: active labels become zero-labels and zero-labels active ones.
   */
  private static void addDelta(long[] labels, int off, byte[] bits, long delta0, long delta1) {
    for (int j = 0; j < bits.length; j++) {
      long m = -(long) (bits[j] & 1);
      labels[off + 2 * j] ^= m & delta0;
      labels[off + 2 * j + 1] ^= m & delta1;
    }
  }

  /** The batch's tweak base (8 bytes) and its decoding bits, packed eight to a byte. */
  private static byte[] decodeMessage(long tweakBase, byte[] bits) {
    byte[] decode = new byte[8 + WireBits.packedBytes(bits.length)];
    LongBytes.set(decode, 0, tweakBase);
    WireBits.packInto(bits, decode, 8);
    return decode;
  }

  /**
   * Online: sends the labels of {@code a} (the layer's input share, ring elements) and returns the
   * masked output {@code x' - r'} the client's answers give; each answer goes to {@code view}. A
   * second thread encodes and sends the labels of later batches while this one receives the
   * answers of earlier ones, so the server's encoding overlaps the client's evaluation.
   */
  long[] online(Channel ch, long[] a, int outElements, long delta0, long delta1,
      Consumer<long[]> view) {
    List<int[]> batches = GcPlan.batches(groups);
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    Thread sender = new Thread(() -> {
      try {
        for (int i = 0; i < batches.size(); i++) {
          long[] labels = labels(batches.get(i), i, a, delta0, delta1);
          ch.sendLongs(Msg.GC_INPUT_LABELS, labels, 0, labels.length);
        }
      } catch (RuntimeException e) {
        failure.set(e);
      }
    }, "pi-gc-labels");
    sender.setDaemon(true);
    sender.start();
    long[] next = new long[outElements];
    try {
      for (int i = 0; i < batches.size(); i++) {
        int[] bt = batches.get(i);
        GcGroup g = groups.get(bt[0]);
        int outWords = g.outWords();
        long[] got = ch.receiveLongs(Msg.MASKED_OUTPUT, outWords * bt[2]);
        if (view != null) {
          view.accept(got);
        }
        long[] u = masks.get(i);
        int[] out = g.outputs();
        int base = bt[1] * outWords;
        for (int j = 0; j < got.length; j++) {
          next[out[base + j]] = (got[j] + u[j]) & q.mask();
        }
        masks.set(i, null);
      }
    } catch (RuntimeException e) {
      RuntimeException first = failure.get();
      throw first != null ? first : e;
    } finally {
      try {
        sender.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    return next;
  }

  /** The active labels of {@code a} for batch {@code i} ({group, first instance, size}). */
  private long[] labels(int[] bt, int i, long[] a, long delta0, long delta1) {
    GcGroup g = groups.get(bt[0]);
    int words = g.inWords();
    int b = bt[2];
    int[] el = g.elements();
    int base = bt[1] * words;
    long[] vals = new long[words * b];
    for (int j = 0; j < vals.length; j++) {
      vals[j] = a[el[base + j]];
    }
    byte[] bits = new byte[words * q.l() * b];
    WireBits.encode(vals, words, q.l(), bits, 0, b);
    // the zero-labels are used once: turned into the active labels in place, without a new array
    long[] labels = zeroLabels.get(i);
    zeroLabels.set(i, null);
    addDelta(labels, 0, bits, delta0, delta1);
    return labels;
  }
}
