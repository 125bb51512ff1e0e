package io.deepreshape.cli.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.deepreshape.onnx.OnnxRuntimeRunner;
import io.deepreshape.spec.InputShape;
import java.nio.file.Path;
import java.util.Random;

/**
 * Runs an exported file with ONNX Runtime and the DJL model it came from on the same seeded
 * standard-normal images, and compares their logits. Both compute in float32 with different
 * kernels, so they agree to rounding: the check passes when every logit differs by at most
 * {@value #RELATIVE_TOLERANCE} times {@code 1 + max|logit|}.
 */
final class ExportCheck {
  static final double RELATIVE_TOLERANCE = 1e-4;

  private ExportCheck() {}

  /**
   * @param images how many images were compared
   * @param maxDifference the largest absolute difference of a logit
   * @param maxLogit the largest absolute DJL logit
   */
  record Result(int images, double maxDifference, double maxLogit) {
    double tolerance() {
      return RELATIVE_TOLERANCE * (1 + maxLogit);
    }

    boolean passed() {
      return maxDifference <= tolerance();
    }
  }

  static Result compare(LoadedModel model, Path onnx, int images, long seed) {
    InputShape in = model.graph().input();
    int c = in.channels();
    int h = in.height();
    int w = in.width();
    float[] x = new float[images * c * h * w];
    Random random = new Random(seed);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    float[] djl;
    try (var scope = model.handle().manager().newSubManager()) {
      NDArray input = scope.create(x, new Shape(images, c, h, w));
      djl = model.handle().forward(input, false).toFloatArray();
    }
    float[][] ort = OnnxRuntimeRunner.logits(onnx, x, images, c, h, w);
    int classes = in.classes();
    double maxDiff = 0;
    double maxLogit = 0;
    for (int i = 0; i < images; i++) {
      if (ort[i].length != classes) {
        throw new IllegalStateException(onnx + " gives " + ort[i].length + " logits per image, the spec " + classes);
      }
      for (int k = 0; k < classes; k++) {
        float d = djl[i * classes + k];
        maxLogit = Math.max(maxLogit, Math.abs(d));
        maxDiff = Math.max(maxDiff, Math.abs(d - ort[i][k]));
      }
    }
    return new Result(images, maxDiff, maxLogit);
  }
}
