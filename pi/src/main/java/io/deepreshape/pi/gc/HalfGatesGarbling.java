package io.deepreshape.pi.gc;

import io.deepreshape.pi.prg.TccrHash;

/**
 * Half-gates garbling of AND gates (Zahur, Rosulek and Evans, "Two Halves Make a Whole", Eurocrypt
 * 2015, figure 2): four hashes per gate, tweaks {@code 2j} and {@code 2j+1} for gate identifier
 * {@code j}, tables {@code T_G, T_E}. Not thread-safe.
 */
final class HalfGatesGarbling extends AndWalk {
  private final long d0;
  private final long d1;
  private final TccrHash hash = new TccrHash();

  HalfGatesGarbling(long d0, long d1) {
    this.d0 = d0;
    this.d1 = d1;
    hash.reserve(4 * Garbler.CHUNK_PAIRS);
  }

  @Override
  void stage(int n, int run, int a, int b, int negations, long id) {
    long fa = -(negations & 1);
    long fb = -(negations >>> 1 & 1);
    long fa0 = fa & d0;
    long fa1 = fa & d1;
    long fb0 = fb & d0;
    long fb1 = fb & d1;
    for (int p = n; p < n + run; p++) {
      int j = 2 * (p - n);
      long al = labels[a + j] ^ fa0;
      long ar = labels[a + j + 1] ^ fa1;
      long bl = labels[b + j] ^ fb0;
      long br = labels[b + j + 1] ^ fb1;
      keep(p, al, ar, bl, br);
      long t = 2 * (id + p - n);
      int q = p * 4;
      hash.stage(q, al, ar, t);
      hash.stage(q + 1, al ^ d0, ar ^ d1, t);
      hash.stage(q + 2, bl, br, t + 1);
      hash.stage(q + 3, bl ^ d0, br ^ d1, t + 1);
    }
  }

  @Override
  void hash(int n) {
    hash.permute(4 * n);
  }

  @Override
  void finish(int i, int run, int o, int gate) {
    for (int j = 0; j < run; j++) {
      finishPair(i + j, 4 * (gate + j), o + 2 * j);
    }
  }

  /** Pair {@code i} of the chunk: its tables to {@code tables[t..t+3]}, output to {@code o}. */
  private void finishPair(int i, int t, int o) {
    long al = kept(i, 0);
    long ar = kept(i, 1);
    long bl = kept(i, 2);
    long br = kept(i, 3);
    int q = i * 4;
    long ha0 = hash.low(q, ar);
    long ha1 = hash.high(q, al, ar);
    long hb0 = hash.low(q + 2, br);
    long hb1 = hash.high(q + 2, bl, br);
    long pa = -(al & 1);
    long pb = -(bl & 1);
    long tg0 = ha0 ^ hash.low(q + 1, ar ^ d1) ^ (pb & d0);
    long tg1 = ha1 ^ hash.high(q + 1, al ^ d0, ar ^ d1) ^ (pb & d1);
    long te0 = hb0 ^ hash.low(q + 3, br ^ d1) ^ al;
    long te1 = hb1 ^ hash.high(q + 3, bl ^ d0, br ^ d1) ^ ar;
    tables[t] = tg0;
    tables[t + 1] = tg1;
    tables[t + 2] = te0;
    tables[t + 3] = te1;
    labels[o] = ha0 ^ (pa & tg0) ^ hb0 ^ (pb & (te0 ^ al));
    labels[o + 1] = ha1 ^ (pa & tg1) ^ hb1 ^ (pb & (te1 ^ ar));
  }
}
