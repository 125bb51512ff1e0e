package io.deepreshape.cli.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import io.deepreshape.onnx.importer.ImportedModel;
import io.deepreshape.onnx.importer.OnnxImport;
import io.deepreshape.spec.InputShape;
import io.deepreshape.train.run.GraphModelFactory;
import io.deepreshape.train.trainer.ModelHandle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The imported graph run by DJL (the trainer's and {@code eval}'s engine) gives PyTorch's recorded
 * logits for the script's fixed images, within 1e-4 absolute (float32 sums in another order).
 */
class ImportedInferenceTest {
  static final double TOLERANCE = 1e-4;

  @ParameterizedTest
  @ValueSource(strings = {"tiny-resnet", "cifar-basic", "imagenet-bottleneck", "branch-net", "separable-net"})
  void djlMatchesPyTorchsLogits(String name) {
    ImportedModel m = OnnxImport.read(Fixtures.model(name));
    JsonNode want = Fixtures.record(name);
    InputShape in = m.graph().input();
    int elements = in.channels() * in.height() * in.width();
    try (ModelHandle h = GraphModelFactory.withWeights(m.graph(), m.weights(), Device.cpu())) {
      for (int k = 0; k < want.get("images").asInt(); k++) {
        NDArray x = h.manager().create(Fixtures.image(k, elements), new Shape(1, in.channels(), in.height(), in.width()));
        float[] got = h.forward(x, false).toFloatArray();
        JsonNode row = want.get("logits").get(k);
        assertThat(got).hasSize(row.size());
        for (int c = 0; c < got.length; c++) {
          assertThat((double) got[c]).as("%s image %d class %d", name, k, c).isCloseTo(row.get(c).asDouble(),
              within(TOLERANCE));
        }
      }
    }
  }
}
