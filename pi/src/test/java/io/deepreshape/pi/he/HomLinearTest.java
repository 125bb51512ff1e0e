package io.deepreshape.pi.he;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepreshape.packing.ConvTiling;
import io.deepreshape.pi.prg.AesPrg;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Cheetah HomConv and HomFC as the protocol uses them: the client encrypts its mask {@code r}, the
 * server multiplies by its weights and seals every result ({@link ReplySealer}: re-randomised,
 * masked by a random {@code R} on every coefficient, flooded, switched down to one prime, {@code
 * c0} sent only at the output coefficients); the client's decrypted share plus the server's share is the plain product mod 2^l.
 */
class HomLinearTest {
  private static final int L = 37;
  private static final BfvParameters SECURE = BfvParameters.session(L);
  private static final BfvParameters SMALL = BfvParameters.of(256, L, 3);
  private final SplittableRandom rnd = new SplittableRandom(29);
  private final AesPrg prg = AesPrg.fromSecureRandom();

  @Test
  void convolutionsMatchPlainRingArithmetic() {
    ConvShape[] shapes = {
        new ConvShape(3, 8, 8, 4, 3, 1, 1),
        new ConvShape(5, 7, 9, 3, 3, 2, 1),
        new ConvShape(16, 6, 6, 5, 1, 1, 0),
        new ConvShape(4, 9, 9, 2, 1, 2, 0),
        new ConvShape(2, 11, 10, 3, 5, 3, 2),
        new ConvShape(70, 8, 8, 2, 3, 1, 1)};
    for (ConvShape shape : shapes) {
      checkConv(SECURE, shape);
    }
  }

  @Test
  void tilingOverChannelsAndSpaceWhenTheInputExceedsN() {
    ConvShape[] shapes = {
        new ConvShape(6, 12, 12, 3, 3, 1, 1),
        new ConvShape(3, 20, 30, 2, 3, 2, 1),
        new ConvShape(12, 5, 5, 4, 1, 1, 0),
        new ConvShape(1, 17, 70, 2, 5, 1, 0)};
    for (ConvShape shape : shapes) {
      HomConv plan = new HomConv(shape, SMALL.n());
      assertThat(plan.inputPolys()).isGreaterThan(1);
      checkConv(SMALL, shape);
    }
  }

  @Test
  void randomShapesStridesAndPaddings() {
    for (int t = 0; t < 8; t++) {
      int k = 1 + 2 * rnd.nextInt(3);
      int h = k + rnd.nextInt(12);
      int w = k + rnd.nextInt(12);
      ConvShape shape = new ConvShape(1 + rnd.nextInt(6), h, w, 1 + rnd.nextInt(3), k,
          1 + rnd.nextInt(3), rnd.nextInt(k / 2 + 1));
      checkConv(SMALL, shape);
    }
  }

  @Test
  void fullyConnectedMatchesPlainRingArithmetic() {
    // {inputs, outputs, log2 of the weight range}: 9000 inputs exceed N = 8192
    int[][] sizes = {{10, 7, 14}, {512, 100, 14}, {300, 3, 14}, {9000, 10, 11}, {64, 8192, 14}};
    for (int[] s : sizes) {
      BfvParameters params = s[0] * s[1] > 40_000 ? SECURE : SMALL;
      HomFc plan = new HomFc(s[0], s[1], params.n());
      long[] x = ring(s[0]);
      long[] w = weights(s[0] * s[1], s[2]);
      long[] want = plan.multiply(w, x, L);
      Client client = new Client(params);
      Ciphertext[] in = client.encrypt(plan.encodeInput(x));
      NttPlaintext[] pw = encodeAll(params, plan.encodeWeights(w));
      Ciphertext[] out = plan.evaluate(params, in, pw);
      Sealed sealed = seal(client, out, plan.outputPositions());
      long[] sum = add(plan.decodeOutput(client.decrypt(sealed.replies())),
          plan.decodeOutput(sealed.masks()));
      assertThat(sum).as("FC %dx%d", s[1], s[0]).isEqualTo(want);
    }
  }

  @Test
  void theSessionBudgetRefusesWeightsTooLargeForItsFlooding() {
    FloodingBudget budget = FloodingBudget.forSession(SECURE, 1L << 26);
    assertThat(budget.lambda()).isEqualTo(66);
    assertThat(budget.log2SessionDistance()).isLessThanOrEqualTo(-40);
    double fits = Math.pow(2, budget.floodBits() - budget.lambda() - 1);
    budget.check(fits, "layer ok");
    assertThatThrownBy(() -> budget.check(4 * fits, "layer conv3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("layer conv3: its weights are too large")
        .hasMessageContaining("below 2^" + (budget.floodBits() - budget.lambda()));
  }

  @Test
  void twoPrimesAtN4096CannotFloodEvenASmallSession() {
    // log q < 109 leaves 2^68 for the flood, less than the 2^(56 + 18) a session of 2^16
    // coefficients needs for its re-randomisation noise alone
    assertThatThrownBy(() -> FloodingBudget.forSession(BfvParameters.of(L), 1L << 16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot flood a session of 65536 coefficients");
    assertThat(BfvParameters.of(L).is128BitSecure()).isTrue();
    assertThat(SECURE.is128BitSecure()).isTrue();
    assertThat(SECURE.log2q()).isGreaterThan(163).isLessThan(218);
    assertThat(BfvParameters.of(4096, L, 3).is128BitSecure()).isFalse();
  }

  @Test
  void kernelsPackedUpToTheRingDegreeStayApart() {
    // N = 256: Mg Cg Ht Wt = 2 x 2 x 64 and 4 x 1 x 64 fill the ring exactly; 7 x 1 x 36 in tiles
    // of 6 x 6; every layer ends with a block of fewer kernels
    HomConv[] plans = {
        new HomConv(new ConvShape(2, 6, 6, 7, 3, 1, 1), new ConvTiling(8, 8, 2, 1, 2, 1, 1), 256),
        new HomConv(new ConvShape(3, 6, 6, 6, 3, 2, 1), new ConvTiling(8, 8, 1, 3, 4, 1, 1), 256),
        new HomConv(new ConvShape(2, 10, 10, 9, 3, 1, 1), new ConvTiling(6, 6, 1, 2, 7, 3, 3), 256)};
    for (HomConv plan : plans) {
      assertThat(plan.outputPolys()).isLessThan(plan.shape().kernels() * plan.tiles());
      checkConv(SMALL, plan);
      checkConv(SMALL, plan.firstKernels(plan.kernelsPerPoly() + 1));
    }
    assertThatThrownBy(() -> new HomConv(new ConvShape(2, 6, 6, 7, 3, 1, 1),
        new ConvTiling(8, 8, 2, 1, 3, 1, 1), 256)).hasMessageContaining("does not fit");
  }

  private void checkConv(BfvParameters params, ConvShape shape) {
    checkConv(params, new HomConv(shape, params.n()));
  }

  private void checkConv(BfvParameters params, HomConv plan) {
    ConvShape shape = plan.shape();
    long[] x = ring(shape.channels() * shape.height() * shape.width());
    int h = shape.kernel();
    long[] k = weights(shape.kernels() * shape.channels() * h * h, 14);
    long[] want = shape.convolve(x, k, L);
    Client client = new Client(params);
    Ciphertext[] in = client.encrypt(plan.encodeInput(x));
    NttPlaintext[] pk = encodeAll(params, plan.encodeKernel(k));
    Ciphertext[] out = plan.evaluate(params, in, pk);
    Sealed sealed = seal(client, out, plan.outputPositions());
    long[][] decrypted = client.decrypt(sealed.replies());
    for (SparseReply reply : sealed.replies()) {
      assertThat(client.dec.noiseBits(reply)).isLessThanOrEqualTo(
          FloodingBudget.replyParams(params).noiseLimitBits() - NoiseFlooding.MARGIN_BITS);
    }
    long[] sum = add(plan.decodeOutput(decrypted), plan.decodeOutput(sealed.masks()));
    assertThat(sum).as("%s", shape).isEqualTo(want);
  }

  /** The replies as the server sends them and the masks it keeps. */
  private record Sealed(SparseReply[] replies, long[][] masks) {}

  /** Seals every output at its positions under the client's public key. */
  private Sealed seal(Client client, Ciphertext[] out, int[][] positions) {
    BfvParameters params = client.key.params();
    FloodingBudget budget = FloodingBudget.forSession(params, (long) out.length * params.n());
    ReplySealer sealer = new ReplySealer(PublicKey.generate(client.key, prg), budget, prg);
    long[][] masks = new long[out.length][params.n()];
    SparseReply[] replies = new SparseReply[out.length];
    for (int o = 0; o < out.length; o++) {
      for (int j = 0; j < params.n(); j++) {
        masks[o][j] = prg.nextLong() & params.plainMask();
      }
      replies[o] = sealer.seal(out[o], masks[o], positions[o]);
      assertThat(replies[o].c0).hasSize(params.firstPrimes(budget.replyPrimes()).primeCount()
          * positions[o].length);
    }
    return new Sealed(replies, masks);
  }

  @Test
  void outputPositionsAreExactlyTheCoefficientsTheDecodingReads() {
    int n = SMALL.n();
    ConvShape[] shapes = {
        new ConvShape(3, 20, 30, 2, 3, 2, 1),
        new ConvShape(5, 7, 9, 3, 3, 2, 1),
        new ConvShape(1, 17, 70, 2, 5, 1, 0),
        new ConvShape(4, 9, 9, 2, 1, 2, 0)};
    for (ConvShape shape : shapes) {
      HomConv plan = new HomConv(shape, n);
      int[][] positions = plan.outputPositions();
      assertThat(positions.length).isEqualTo(plan.outputPolys());
      checkBijection(plan.decodeOutput(tagged(positions, n)), positions,
          shape.kernels() * shape.outHeight() * shape.outWidth(), shape.toString());
    }
    int[][] fc = {{10, 7}, {300, 3}, {700, 10}, {64, 1000}};
    for (int[] s : fc) {
      HomFc plan = new HomFc(s[0], s[1], n);
      int[][] positions = plan.outputPositions();
      checkBijection(plan.decodeOutput(tagged(positions, n)), positions, s[1], "FC " + s[1]);
    }
  }

  /** Polynomial {@code i} holds {@code i n + j + 1} at each of its positions {@code j}, 0 elsewhere. */
  private static long[][] tagged(int[][] positions, int n) {
    long[][] polys = new long[positions.length][n];
    for (int i = 0; i < positions.length; i++) {
      for (int j : positions[i]) {
        polys[i][j] = (long) i * n + j + 1;
      }
    }
    return polys;
  }

  /** Every output read a tagged (so listed) coefficient, each listed coefficient read once. */
  private static void checkBijection(long[] decoded, int[][] positions, int outputs,
      String what) {
    long listed = 0;
    for (int[] p : positions) {
      listed += p.length;
    }
    assertThat(listed).as("%s: positions listed", what).isEqualTo(outputs);
    assertThat(decoded).as("%s: every output read at a position", what).doesNotContain(0L);
    assertThat(java.util.Arrays.stream(decoded).distinct().count()).as("%s", what)
        .isEqualTo(outputs);
  }

  private final class Client {
    final SecretKey key;
    final Encryptor enc;
    final Decryptor dec;

    Client(BfvParameters params) {
      key = SecretKey.generate(params, prg);
      enc = new Encryptor(key, prg);
      dec = new Decryptor(key, FloodingBudget.replyParams(params));
    }

    Ciphertext[] encrypt(long[][] polys) {
      Ciphertext[] cts = new Ciphertext[polys.length];
      for (int i = 0; i < polys.length; i++) {
        cts[i] = enc.encrypt(polys[i]);
      }
      return cts;
    }

    long[][] decrypt(SparseReply[] replies) {
      long[][] polys = new long[replies.length][];
      for (int i = 0; i < replies.length; i++) {
        polys[i] = dec.decrypt(replies[i]);
      }
      return polys;
    }
  }

  private static NttPlaintext[] encodeAll(BfvParameters params, long[][] polys) {
    NttPlaintext[] out = new NttPlaintext[polys.length];
    for (int i = 0; i < polys.length; i++) {
      out[i] = NttPlaintext.encode(params, polys[i]);
    }
    return out;
  }

  private long[] ring(int n) {
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = rnd.nextLong() & ((1L << L) - 1);
    }
    return v;
  }

  /** Signed weights in {@code [-2^(bits-1), 2^(bits-1))} as values mod 2^l. */
  private long[] weights(int n, int bits) {
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = (rnd.nextInt(1 << bits) - (1 << (bits - 1))) & ((1L << L) - 1);
    }
    return v;
  }

  private static long[] add(long[] a, long[] b) {
    long[] s = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      s[i] = (a[i] + b[i]) & ((1L << L) - 1);
    }
    return s;
  }
}
