package io.deepreshape.pi.quant;

import io.deepreshape.graph.FcNode;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.graph.WeightSource;
import io.deepreshape.layout.BatchNormLayer;
import io.deepreshape.layout.ConvLayer;
import io.deepreshape.pi.gc.PlainEvaluator;
import io.deepreshape.pi.gc.ReluCircuits;
import io.deepreshape.pi.gc.WireBits;
import io.deepreshape.pi.he.ConvShape;
import io.deepreshape.spec.BlockType;
import io.deepreshape.spec.InputShape;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.ReluMode;
import io.deepreshape.spec.StemType;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Fixed-point network and plaintext reference (PI-ENGINE.md section 1): batch-norm folding equals
 * conv-then-BN, the ring convolution equals the definition, the ring activations equal the garbled
 * circuits' plain evaluation, and the quantised logits track the float network.
 */
class QuantizationTest {
  private static final QuantConfig Q = QuantConfig.DEFAULT;
  private final SplittableRandom rnd = new SplittableRandom(3);

  @Test
  void ringConvolutionMatchesTheDefinitionForStridesAndPaddings() {
    ConvShape[] shapes = {new ConvShape(3, 7, 9, 4, 3, 1, 1), new ConvShape(5, 8, 8, 3, 3, 2, 1),
        new ConvShape(4, 6, 6, 6, 1, 2, 0), new ConvShape(2, 9, 7, 2, 5, 3, 2)};
    for (ConvShape s : shapes) {
      long[] x = ring(s.channels() * s.height() * s.width());
      long[] k = ring(s.kernels() * s.channels() * s.kernel() * s.kernel());
      long[] y = RingLinear.conv(s, k, x);
      for (int i = 0; i < y.length; i++) {
        y[i] &= Q.mask();
      }
      assertThat(y).as("%s", s).isEqualTo(s.convolve(x, k, Q.l()));
    }
  }

  @Test
  void channelRangesOnDifferentThreadsAddUpToTheDefinition() {
    // 9 kernels: two blocks of four and one left over; ranges cut inside a block; pruned taps
    ConvShape s = new ConvShape(6, 5, 5, 9, 3, 1, 1);
    long[] x = ring(s.channels() * s.height() * s.width());
    long[] k = ring(s.kernels() * s.channels() * 9);
    int taps = s.channels() * 9;
    for (int t = 0; t < taps; t += 2) {
      for (int m = 4; m < 8; m++) {
        k[m * taps + t] = 0; // pruned: taps with no weight in a whole block
      }
      k[8 * taps + t] = 0;
    }
    long[] before = ring(s.kernels() * s.outHeight() * s.outWidth());
    long[] y = before.clone();
    RingLinear.convChannels(s, k, x, y, 0, 3);
    RingLinear.convChannels(s, k, x, y, 3, 9);
    long[] want = s.convolve(x, k, Q.l());
    for (int i = 0; i < y.length; i++) {
      assertThat((y[i] - before[i]) & Q.mask()).as("output %d", i).isEqualTo(want[i]);
    }
  }

  @Test
  void foldingBatchNormIntoTheConvolutionEqualsConvThenNorm() {
    // one conv + BN layer through the builder's source interface
    WeightSource src = new RandomWeights(9);
    ConvLayer c = new ConvLayer("c", 0, 3, 4, 3, 1, 1, 5, 5, 5, 5);
    float[] k = src.conv(c);
    WeightSource.BatchNorm bn = src.norm(new BatchNormLayer("bn", 0, 4, 5, 5));
    double[] x = new double[3 * 25];
    for (int i = 0; i < x.length; i++) {
      x[i] = rnd.nextDouble(-1, 1);
    }
    int per = 27;
    for (int m = 0; m < 4; m++) {
      for (int p = 0; p < 25; p++) {
        double conv = 0;
        for (int ci = 0; ci < 3; ci++) {
          for (int u = 0; u < 3; u++) {
            for (int v = 0; v < 3; v++) {
              int r = p / 5 + u - 1;
              int s = p % 5 + v - 1;
              if (r >= 0 && r < 5 && s >= 0 && s < 5) {
                conv += k[m * per + (ci * 3 + u) * 3 + v] * x[ci * 25 + r * 5 + s];
              }
            }
          }
        }
        double want = bn.gamma()[m] * (conv - bn.mean()[m]) / Math.sqrt(bn.var()[m] + bn.eps())
            + bn.beta()[m];
        double folded = bn.scale(m) * conv + bn.shift(m);
        assertThat(folded).isCloseTo(want, within(1e-9));
      }
    }
  }

  @Test
  void ringActivationsEqualTheCircuitsOnEdgeCasesAndRandomValues() {
    long[] edge = {0, 1, Q.mask(), 1L << (Q.l() - 1), (1L << (Q.l() - 1)) - 1, 4095, 4096,
        Q.mask() - 4095, Q.mask() - 4096};
    int n = edge.length + 2000;
    long[] y = new long[n];
    System.arraycopy(edge, 0, y, 0, edge.length);
    for (int i = edge.length; i < n; i++) {
      y[i] = rnd.nextLong() & Q.mask();
    }
    long[] relu = circuit(ReluCircuits.relu(Q.l(), Q.s()), y);
    long[] ident = circuit(ReluCircuits.identity(Q.l(), Q.s()), y);
    ActLayer full = new ActLayer("a", ReluMode.FULL, 1, 1, n);
    ActLayer none = new ActLayer("a", ReluMode.IDENTITY, 1, 1, n);
    assertThat(Activations.apply(full, y, Q)).isEqualTo(relu);
    assertThat(Activations.apply(none, y, Q)).isEqualTo(ident);
    // reuse:3 over 5 channels at one position: groups {0,1,2} and {3,4}
    long[] v = {Q.mask(), 5 << 12, 7 << 12, 3 << 12, Q.mask() - (9 << 12)};
    long[] got = Activations.apply(new ActLayer("r", new ReluMode.Reuse(3), 5, 1, 1), v, Q);
    // -(9 * 2^12) - 1 shifts arithmetically to floor(-9.0002) = -10
    assertThat(got).containsExactly(0, 0, 0, 3, Q.mask() - 9);
  }

  @Test
  void quantisedLogitsTrackTheFloatNetwork() {
    NetworkSpec spec = Presets.fromFactors("t", new InputShape(3, 8, 8, 6), StemType.CIFAR,
        BlockType.BASIC, 4, new int[] {1, 1}, new int[] {2});
    FloatNetwork f = ProgramBuilder.build(spec, new RandomWeights(4));
    QuantNetwork q = QuantNetwork.quantize(f, Q);
    for (int t = 0; t < 5; t++) {
      double[] x = new double[192];
      for (int i = 0; i < x.length; i++) {
        x[i] = rnd.nextDouble(-2, 2);
      }
      double[] want = PlainReference.floatLogits(f, x);
      long[] got = PlainReference.signedLogits(q, q.quantizeInput(x));
      for (int i = 0; i < want.length; i++) {
        assertThat(Math.scalb((double) got[i], -2 * Q.s())).isCloseTo(want[i],
            within(0.02 + 0.01 * Math.abs(want[i])));
      }
    }
  }

  @Test
  void averagePoolingIsFoldedIntoTheClassifier() {
    NetworkSpec spec = Presets.fromFactors("t", new InputShape(3, 8, 8, 6), StemType.CIFAR,
        BlockType.BASIC, 4, new int[] {1, 1}, new int[] {2});
    FloatNetwork f = ProgramBuilder.build(spec, new RandomWeights(4));
    Step last = f.steps().get(f.steps().size() - 1);
    LinearOp fc = last.linears().get(0);
    assertThat(fc.isConv()).isFalse();
    assertThat(fc.inFeatures()).isEqualTo(8 * 4 * 4);
    FcNode head = (FcNode) NetworkGraph.of(spec).output();
    // the classifier's weight for feature c, spread over the 16 positions as w / 16
    double[] w = f.weights()[fc.id()];
    assertThat(w[3 * 16 + 5]).isEqualTo(w[3 * 16 + 6]);
    assertThat(w.length).isEqualTo(head.classes() * head.features() * 16);
  }

  @Test
  void valuesOutsideTheRingAreRefused() {
    assertThatThrownBy(() -> Q.encode(1e9, 24)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not fit");
    assertThat(Q.decode(Q.encode(-1.5, 12), 12)).isEqualTo(-1.5);
  }

  private long[] circuit(io.deepreshape.pi.gc.Circuit c, long[] y) {
    int n = y.length;
    long[] a = ring(n);
    long[] cc = new long[n];
    for (int i = 0; i < n; i++) {
      cc[i] = (y[i] - a[i]) & Q.mask();
    }
    byte[] bits = new byte[c.inputs() * n];
    WireBits.encode(a, 1, Q.l(), bits, 0, n);
    WireBits.encode(new long[n], 1, Q.l(), bits, Q.l(), n);
    WireBits.encode(cc, 1, Q.l(), bits, 2 * Q.l(), n);
    return WireBits.decode(PlainEvaluator.evaluate(c, bits, n), 0, 1, Q.l(), n);
  }

  private long[] ring(int n) {
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = rnd.nextLong() & Q.mask();
    }
    return v;
  }
}
