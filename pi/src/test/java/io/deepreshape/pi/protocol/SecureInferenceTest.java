package io.deepreshape.pi.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.pi.channel.ChannelException;
import io.deepreshape.pi.channel.InProcessChannel;
import io.deepreshape.pi.quant.FloatNetwork;
import io.deepreshape.pi.quant.PlainReference;
import io.deepreshape.pi.quant.ProgramBuilder;
import io.deepreshape.pi.quant.QuantNetwork;
import io.deepreshape.pi.quant.RandomWeights;
import io.deepreshape.pi.quant.Step;
import io.deepreshape.spec.BlockType;
import io.deepreshape.spec.InputShape;
import io.deepreshape.spec.StemType;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Secure inference reproduces the quantised plaintext reference's logits exactly, for every block
 * type and ReLU mode, over an in-process channel and over TCP on 127.0.0.1.
 */
@Timeout(120)
class SecureInferenceTest {
  @Test
  void basicBlocksWithEveryReluModeMatchTheReference() {
    BitSet kept = new BitSet();
    kept.set(0);
    kept.set(2, 4);
    NetworkSpec spec = Nets.basic(Map.of(
        ReluAddress.of(1, 1, 1), ReluMode.IDENTITY,
        ReluAddress.of(1, 1, 2), new ReluMode.PartialFraction(0.5),
        ReluAddress.of(2, 1, 1), new ReluMode.Reuse(3),
        ReluAddress.of(2, 1, 2), new ReluMode.PartialChannels(kept)));
    InferenceResult r = check(spec, 1, true);
    LayerStats total = r.total();
    assertThat(total.relus()).isEqualTo(
        Accounting.of(spec).relus());
    assertThat(total.truncations()).isPositive();
    assertThat(total.andGates()).isPositive();
    assertThat(total.ots()).isEqualTo(37L * (total.relus() + total.truncations()
        + reuseFollowers(spec)));
    // the wait for the server's linear layers is a part of every online step, never all of it: the
    // client still evaluates and answers (or adds its share of the logits) after it
    for (LayerStats row : r.layers().subList(1, r.layers().size())) {
      assertThat(row.onlineLinearSeconds()).as(row.name()).isPositive()
          .isLessThan(row.onlineSeconds());
    }
    assertThat(total.onlineLinearSeconds()).isLessThan(total.onlineSeconds());
  }

  @Test
  void bottleneckBlocksOverTcpMatchTheReference() {
    check(Nets.bottleneck(), 2, false);
  }

  @Test
  void preActivationWideBlocksWithProjectionMatchTheReference() {
    check(Nets.wide(Map.of(ReluAddress.HEAD, new ReluMode.Reuse(2),
        ReluAddress.of(1, 2, 1), ReluMode.IDENTITY)), 3, true);
  }

  @Test
  void theImageNetStemsMaxPoolRunsAsAComparisonCircuit() {
    NetworkSpec spec = Presets.fromFactors("tiny-imagenet", new InputShape(3, 16, 16, 5),
        StemType.IMAGENET, BlockType.BASIC, 4, new int[] {1, 1}, new int[] {2})
        .withReluModes(Map.of(ReluAddress.STEM, new ReluMode.PartialFraction(0.5)));
    FloatNetwork f = ProgramBuilder.build(spec, new RandomWeights(4));
    Step pool = f.steps().get(1);
    assertThat(pool.name()).isEqualTo("stem.maxpool");
    assertThat(pool.outElements()).isEqualTo(4 * 4 * 4);
    InferenceResult r = check(spec, 4, true);
    LayerStats row = r.layers().get(2);
    assertThat(row.name()).isEqualTo("stem.maxpool");
    // per channel of 8x8 (padding 1, stride 2): one 2x2 corner window, six 2x3 edge windows and
    // nine full 3x3 windows
    long ands = 4 * (maxPoolAnds(4) + 6 * maxPoolAnds(6) + 9 * maxPoolAnds(9));
    assertThat(row.andGates()).isEqualTo(ands);
    assertThat(row.ots()).isEqualTo(37L * 4 * (4 + 6 * 6 + 9 * 9));
  }

  @Test
  void aClientFailureReachesTheServerAsOneLine() throws Exception {
    QuantNetwork net = Nets.quantized(Nets.basic(Map.of()), 8);
    InProcessChannel[] pair =
        InProcessChannel.pair(Nets.CONFIG);
    CompletableFuture<Void> server =
        CompletableFuture.runAsync(
            () -> new ServerSession(net, Nets.info(net), null).run(pair[0]));
    assertThatThrownBy(
        () -> new ClientSession(null).run(pair[1], i -> new double[7]))
        .hasMessageContaining("the image has 7 values");
    assertThatThrownBy(server::join)
        .hasRootCauseInstanceOf(ChannelException.class)
        .rootCause().hasMessageStartingWith("client failed: client: the image has 7 values")
        .hasMessageNotContaining("\n");
  }

  /** {@code k(l-1) + 2l(k-1) + l-1} at {@code l = 37} (ReluCircuits.maxPool). */
  private static long maxPoolAnds(int k) {
    return k * 36L + 2L * 37 * (k - 1) + 36;
  }

  private static InferenceResult check(NetworkSpec spec, long seed, boolean inProcess) {
    QuantNetwork net = Nets.quantized(spec, seed);
    double[] image = Nets.image(seed, net.program().inputElements());
    long[] want = PlainReference.signedLogits(net, net.quantizeInput(image));
    InferenceResult r = LocalRun.run(net, Nets.info(net), image, inProcess, Nets.CONFIG, null);
    assertThat(r.logits()).isEqualTo(want);
    assertThat(r.predicted()).isEqualTo(PlainReference.argmax(want));
    // the quantised reference is close to the float network
    double[] f = PlainReference.floatLogits(net.program(), image);
    for (int i = 0; i < f.length; i++) {
      assertThat(r.realLogits()[i]).isCloseTo(f[i], offset(
          0.05 + 0.02 * Math.abs(f[i])));
    }
    return r;
  }

  /** Elements of reuse layers that follow a group's first channel (they need OTs too). */
  private static long reuseFollowers(NetworkSpec spec) {
    long n = 0;
    for (var layer : NetworkGraph.of(spec).reluLayers()) {
      if (layer.mode() instanceof ReluMode.Reuse) {
        n += layer.elements() - layer.relus();
      }
    }
    return n;
  }
}
