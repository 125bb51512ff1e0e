package io.deepreshape.cli.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepreshape.cli.CliRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code analyze --onnx} counts what PyTorch's own module hooks counted for each exported fixture. */
class AnalyzeOnnxTest {
  @ParameterizedTest
  @ValueSource(strings = {"tiny-resnet", "cifar-basic", "imagenet-bottleneck", "branch-net", "separable-net"})
  void countsMatchPyTorchsIndependentCount(String name) throws Exception {
    CliRun r = CliRun.of("analyze", "--onnx", Fixtures.model(name).toString(), "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode got = new ObjectMapper().readTree(r.out());
    JsonNode want = Fixtures.record(name);
    assertThat(got.get("relus").asLong()).isEqualTo(want.get("relus").asLong());
    assertThat(got.get("flops").asLong()).isEqualTo(want.get("macs").asLong());
    assertThat(got.get("params").asLong()).isEqualTo(want.get("params").asLong());
    assertThat(got.get("name").asText()).isEqualTo(name);
  }
}
