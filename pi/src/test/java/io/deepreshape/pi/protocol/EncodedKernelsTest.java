package io.deepreshape.pi.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepreshape.pi.channel.TcpChannel;
import io.deepreshape.pi.quant.PlainReference;
import io.deepreshape.pi.quant.QuantNetwork;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server's kernels encoded once at start ({@link EncodedKernels}): sessions served from the
 * cache, whole or in part, give the plaintext reference's logits, and the cache is what they use.
 */
@Timeout(120)
class EncodedKernelsTest {
  private static final ServerLimits LIMITS = ServerLimits.defaults(1, 30_000);
  private final QuantNetwork net = Nets.quantized(Nets.basic(Map.of()), 7);

  @Test
  void sessionsServedFromAWholeCacheMatchTheReferenceOneAfterAnother() {
    EncodedKernels kernels = EncodedKernels.encode(net, Long.MAX_VALUE);
    assertThat(kernels.cachedBytes()).isPositive().isEqualTo(kernels.totalBytes());
    assertThat(kernels.cachedPolynomials()).isEqualTo(kernels.totalPolynomials());
    try (PiServer server = start(kernels)) {
      for (long seed = 1; seed <= 2; seed++) {
        double[] image = Nets.image(seed);
        assertThat(infer(server.port(), image)).as("session %d", seed)
            .isEqualTo(PlainReference.signedLogits(net, net.quantizeInput(image)));
      }
    }
  }

  @Test
  void aBudgetBelowTheModelCachesWhatFitsAndSessionsEncodeTheRest() {
    long total = EncodedKernels.encode(net, Long.MAX_VALUE).totalBytes();
    EncodedKernels half = EncodedKernels.encode(net, total / 2);
    assertThat(half.cachedBytes()).isPositive().isLessThanOrEqualTo(total / 2);
    assertThat(half.cachedPolynomials()).isLessThan(half.totalPolynomials());
    try (PiServer server = start(half)) {
      double[] image = Nets.image(3);
      assertThat(infer(server.port(), image))
          .isEqualTo(PlainReference.signedLogits(net, net.quantizeInput(image)));
    }
  }

  @Test
  void aZeroBudgetCachesNothing() {
    EncodedKernels none = EncodedKernels.encode(net, 0);
    assertThat(none.cachedBytes()).isZero();
    assertThat(none.cachedPolynomials()).isZero();
    assertThat(none.totalPolynomials()).isPositive();
    assertThatThrownBy(() -> EncodedKernels.encode(net, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
  }

  /** Kernels of other weights of the same shape change the logits: sessions read the cache. */
  @Test
  void sessionsUseTheCachedKernelsRatherThanEncodingTheirOwn() {
    QuantNetwork other = Nets.quantized(Nets.basic(Map.of()), 8);
    try (PiServer server = start(EncodedKernels.encode(other, Long.MAX_VALUE))) {
      double[] image = Nets.image(4);
      assertThat(infer(server.port(), image))
          .isNotEqualTo(PlainReference.signedLogits(net, net.quantizeInput(image)));
    }
  }

  private PiServer start(EncodedKernels kernels) {
    return PiServer.start("127.0.0.1", 0, net, Nets.info(net), Nets.CONFIG, line -> { }, LIMITS,
        PreparedSessions.defaults(), kernels);
  }

  private static long[] infer(int port, double[] image) {
    try (TcpChannel ch = TcpChannel.connect("127.0.0.1", port, Nets.CONFIG)) {
      return new ClientSession(null).run(ch, x -> image).logits();
    }
  }
}
