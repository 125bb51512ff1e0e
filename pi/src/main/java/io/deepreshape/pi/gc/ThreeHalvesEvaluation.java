package io.deepreshape.pi.gc;

import io.deepreshape.pi.prg.TccrHash;

/**
 * Three-halves evaluation of AND gates ({@link ThreeHalves}): three hashes per gate, of the two
 * active labels and of their sum. Not thread-safe.
 */
final class ThreeHalvesEvaluation extends AndWalk {
  private final TccrHash hash = new TccrHash();
  private final long[] x = new long[Garbler.CHUNK_PAIRS * 6];
  private final long[] tw = new long[Garbler.CHUNK_PAIRS * 3];
  private final long[] h = new long[Garbler.CHUNK_PAIRS * 6];

  @Override
  void stage(int n, int g, int k, long id) {
    int a = in0(g, k);
    int b = in1(g, k);
    int xi = n * 6;
    x[xi] = labels[a];
    x[xi + 1] = labels[a + 1];
    x[xi + 2] = labels[b];
    x[xi + 3] = labels[b + 1];
    x[xi + 4] = labels[a] ^ labels[b];
    x[xi + 5] = labels[a + 1] ^ labels[b + 1];
    int ti = n * 3;
    tw[ti] = 3 * id;
    tw[ti + 1] = 3 * id + 1;
    tw[ti + 2] = 3 * id + 2;
  }

  @Override
  void hash(int n) {
    hash.hash(x, 0, tw, 0, h, 0, 3 * n);
  }

  @Override
  void finish(int i, int g, int k) {
    int gate = gate(g, k);
    decrypt(i, gate * 3, ThreeHalves.control(tables, 3 * c.andGates() * batch, gate), out(g, k));
  }

  /**
   * Gate {@code q} of the chunk: ciphertexts at {@code tables[t..t+2]}, control bits {@code z};
   * writes the output's active label to {@code labels[o..o+1]}.
   */
  private void decrypt(int q, int t, int z, int o) {
    int xi = 6 * q;
    long al = x[xi];
    long ar = x[xi + 1];
    long bl = x[xi + 2];
    long br = x[xi + 3];
    int i = (int) al & 1;
    int j = (int) bl & 1;
    long r1 = -(long) ThreeHalves.firstControl(z, i, j, h[xi + 1], h[xi + 5]);
    long r2 = -(long) ThreeHalves.secondControl(z, i, j, h[xi + 3], h[xi + 5]);
    long ma = -(long) i;
    long mb = -(long) j;
    long mx = -(long) (i ^ j);
    long hx = h[xi + 4];
    labels[o] = h[xi] ^ hx ^ (ma & tables[t]) ^ (mx & tables[t + 2])
        ^ ThreeHalves.left(~ma, r1, r2, al, ar, bl, br);
    labels[o + 1] = h[xi + 2] ^ hx ^ (mb & tables[t + 1]) ^ (mx & tables[t + 2])
        ^ ThreeHalves.right(~mb, r1, r2, al, ar, bl, br);
  }
}
