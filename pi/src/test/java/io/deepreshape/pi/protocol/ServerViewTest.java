package io.deepreshape.pi.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.pi.quant.PlainReference;
import io.deepreshape.pi.quant.QuantNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server's online view is masked (PI-ENGINE.md section 2): every ring element it receives from
 * the client is uniform over {@code Z_{2^l}}, tested by a chi-square statistic over the counts of
 * one-bits at each of the {@code l} positions, for a real image and for an all-zero image.
 */
@Timeout(120)
class ServerViewTest {
  /** Chi-square with 37 degrees of freedom exceeds 80 with probability below 1e-4. */
  private static final double CHI_SQUARE_LIMIT = 80;

  @Test
  void valuesTheServerReceivesAreUniformForARealImage() {
    assertUniform(Nets.image(5));
  }

  @Test
  void valuesTheServerReceivesAreUniformForAnAllZeroImage() {
    assertUniform(new double[Nets.image(5).length]);
  }

  private static void assertUniform(double[] image) {
    QuantNetwork net = Nets.quantized(Nets.basic(Map.of()), 11);
    List<long[]> seen = new ArrayList<>();
    InferenceResult r = LocalRun.run(net, Nets.info(net), image, true, Nets.CONFIG,
        v -> seen.add(v.clone()));
    assertThat(r.logits()).isEqualTo(PlainReference.signedLogits(net, net.quantizeInput(image)));
    int l = net.config().l();
    long[] ones = new long[l];
    long n = 0;
    for (long[] v : seen) {
      for (long x : v) {
        assertThat(x >>> l).as("bits above the ring").isZero();
        for (int b = 0; b < l; b++) {
          ones[b] += (x >>> b) & 1;
        }
        n++;
      }
    }
    assertThat(n).isGreaterThan(1000);
    double chi2 = 0;
    for (int b = 0; b < l; b++) {
      double z = (ones[b] - n / 2.0) / Math.sqrt(n / 4.0);
      chi2 += z * z;
    }
    assertThat(chi2).as("chi-square over %d values", n).isLessThan(CHI_SQUARE_LIMIT);
    // the same statistic flags an unmasked view of the same activations: the server's shares
    // plus the client's masks, i.e. the true values, are far from uniform
    long[][] tensors = PlainReference.tensors(net, net.quantizeInput(image));
    long[] plainOnes = new long[l];
    long plainN = 0;
    for (int t = 0; t < tensors.length - 1; t++) {
      for (long x : tensors[t]) {
        for (int b = 0; b < l; b++) {
          plainOnes[b] += (x >>> b) & 1;
        }
        plainN++;
      }
    }
    assertThat(plainN).isEqualTo(n);
    double chiPlain = 0;
    for (int b = 0; b < l; b++) {
      double z = (plainOnes[b] - plainN / 2.0) / Math.sqrt(plainN / 4.0);
      chiPlain += z * z;
    }
    assertThat(chiPlain).isGreaterThan(CHI_SQUARE_LIMIT);
  }
}
