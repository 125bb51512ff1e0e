package io.deepreshape.pi.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepreshape.pi.quant.PlainReference;
import io.deepreshape.pi.quant.QuantNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class WarmUpTest {
  @Test
  void runsItsInferencesOncePerJvm() {
    double first = WarmUp.run();
    assertThat(first).as("the first call runs the inferences").isPositive();
    assertThat(WarmUp.run()).as("later calls return at once").isZero();
  }

  @Test
  void thePreparedRunMatchesTheReferenceAndLeavesNothingBehind(@TempDir Path parent)
      throws IOException {
    QuantNetwork net = Nets.quantized(Nets.basic(Map.of()), 5);
    double[] image = Nets.image(5, net.program().inputElements());
    InferenceResult r = WarmUp.prepared(net, Nets.info(net), image, parent);
    assertThat(r.logits()).isEqualTo(PlainReference.signedLogits(net, net.quantizeInput(image)));
    assertThat(entries(parent)).as("the warm-up's folder is gone").isEmpty();
  }

  @Test
  void aFailedPreparedRunLeavesNothingBehindEither(@TempDir Path parent) throws IOException {
    QuantNetwork net = Nets.quantized(Nets.basic(Map.of()), 6);
    double[] tooShort = new double[net.program().inputElements() - 1];
    assertThatThrownBy(() -> WarmUp.prepared(net, Nets.info(net), tooShort, parent))
        .isInstanceOf(RuntimeException.class);
    assertThat(entries(parent)).isEmpty();
  }

  private static List<Path> entries(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }
}
