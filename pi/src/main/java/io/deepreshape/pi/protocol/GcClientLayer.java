package io.deepreshape.pi.protocol;

import io.deepreshape.pi.channel.Channel;
import io.deepreshape.pi.channel.ChannelException;
import io.deepreshape.pi.gc.Circuit;
import io.deepreshape.pi.gc.GarblingScheme;
import io.deepreshape.pi.gc.GcEvaluator;
import io.deepreshape.pi.gc.WireBits;
import io.deepreshape.pi.ot.IknpOtReceiver;
import io.deepreshape.pi.prg.LongBytes;
import io.deepreshape.pi.quant.QuantConfig;
import java.util.List;

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

  /** Offline: OT for the labels of {@code c} (the layer's share, ring elements) and storage. */
  void offline(Channel ch, IknpOtReceiver ot, long[] c) {
    int l = q.l();
    for (GcGroup g : groups) {
      Circuit circuit = g.circuit();
      int words = g.inWords();
      int bs = g.batchSize();
      int[] el = g.elements();
      for (int k0 = 0; k0 < g.instances(); k0 += bs) {
        int b = Math.min(bs, g.instances() - k0);
        long[] vals = new long[words * b];
        for (int i = 0; i < vals.length; i++) {
          vals[i] = c[el[k0 * words + i]];
        }
        byte[] bits = new byte[words * l * b];
        WireBits.encode(vals, words, l, bits, 0, b);
        long[] own = ot.receiveOnOffset(WireBits.pack(bits), bits.length);
        long[] tab = ch.receiveLongs(Msg.GC_TABLES,
            GarblingScheme.ENGINE.tableLongs((long) circuit.andGates() * b));
        long[] seed = ch.receiveLongs(Msg.GC_MASK_SEED, MaskSeed.LONGS);
        byte[] decode = ch.receive(Msg.GC_DECODE);
        int want = 8 + WireBits.packedBytes(circuit.outputCount() * b);
        if (decode.length != want) {
          throw new ChannelException("protocol error: " + decode.length
              + " bytes of decoding bits, expected " + want);
        }
        long before = store.bytes();
        store.put(new GcStore.Batch(tab, seed, own, decode));
        storageBytes += store.bytes() - before;
      }
    }
  }

  /** Online: evaluates every batch and answers {@code v - rNext}; returns nothing to keep. */
  void online(Channel ch, long[] rNext, GcEvaluator evaluator) {
    int l = q.l();
    int batch = 0;
    for (GcGroup g : groups) {
      Circuit circuit = g.circuit();
      int words = g.inWords();
      int outWords = g.outWords();
      int bs = g.batchSize();
      int[] outIdx = g.outputs();
      for (int k0 = 0; k0 < g.instances(); k0 += bs) {
        int b = Math.min(bs, g.instances() - k0);
        long[] aLabels = ch.receiveLongs(Msg.GC_INPUT_LABELS, words * l * b * 2);
        GcStore.Batch stored = store.next();
        long[] uLabels = MaskSeed.labels(stored.maskSeed(), g.outWords() * l * b);
        long[] own = stored.ownLabels();
        long[] inputs = new long[aLabels.length + uLabels.length + own.length];
        System.arraycopy(aLabels, 0, inputs, 0, aLabels.length);
        System.arraycopy(uLabels, 0, inputs, aLabels.length, uLabels.length);
        System.arraycopy(own, 0, inputs, aLabels.length + uLabels.length, own.length);
        byte[] decode = stored.decode();
        long tweakBase = LongBytes.get(decode, 0);
        long[] out = evaluator.evaluate(circuit, b, stored.tables(), inputs, tweakBase);
        byte[] bits = new byte[circuit.outputCount() * b];
        for (int i = 0; i < bits.length; i++) {
          bits[i] = (byte) ((out[2 * i] & 1) ^ WireBits.bitAt(decode, 8, i));
        }
        long[] v = WireBits.decode(bits, 0, outWords, l, b);
        int base = k0 * outWords;
        for (int i = 0; i < v.length; i++) {
          v[i] = (v[i] - rNext[outIdx[base + i]]) & q.mask();
        }
        ch.sendLongs(Msg.MASKED_OUTPUT, v, 0, v.length);
        batch++;
      }
    }
  }
}
