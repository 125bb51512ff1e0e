package io.deepreshape.cli.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * The models tools/make_onnx_fixtures.py wrote with torch.onnx.export, and what it recorded from
 * PyTorch: ReLUs, MACs and parameters counted on the module, and the logits of its fixed images.
 */
final class Fixtures {
  static final List<String> ALL = List.of("tiny-resnet", "cifar-basic", "imagenet-bottleneck", "branch-net",
      "separable-net");

  private Fixtures() {}

  static Path model(String name) {
    return resource(name + ".onnx");
  }

  static JsonNode record(String name) {
    try {
      return new ObjectMapper().readTree(resource(name + ".json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Image {@code k} of the script: element i is sin(0.37 i + 1.3 k), rounded to float32. */
  static float[] image(int k, int elements) {
    float[] x = new float[elements];
    for (int i = 0; i < elements; i++) {
      x[i] = (float) Math.sin(0.37 * i + 1.3 * k);
    }
    return x;
  }

  private static Path resource(String file) {
    try {
      return Path.of(Fixtures.class.getResource("/onnx/" + file).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource onnx/" + file, e);
    }
  }
}
