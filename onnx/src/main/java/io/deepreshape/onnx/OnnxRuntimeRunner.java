package io.deepreshape.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/** Runs an ONNX model of one image input and one logits output with ONNX Runtime on the CPU. */
public final class OnnxRuntimeRunner {
  private OnnxRuntimeRunner() {}

  /**
   * The logits {@code [n][classes]} of the model in {@code file} for {@code n} images {@code
   * [n, c, h, w]} laid out row-major in {@code images}, fed to its first input.
   *
   * @throws OnnxRuntimeException when ONNX Runtime cannot load or run the model
   */
  public static float[][] logits(Path file, float[] images, int n, int c, int h, int w) {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      try (OrtSession session = env.createSession(file.toString(), options);
          OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(images), new long[] {n, c, h, w});
          OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), input))) {
        Object value = result.get(0).getValue();
        if (!(value instanceof float[][] out)) {
          throw new OnnxRuntimeException(file + ": the model's first output is not a float matrix [N, classes]", null);
        }
        return out;
      }
    } catch (OrtException e) {
      throw new OnnxRuntimeException(file + ": ONNX Runtime failed: " + e.getMessage(), e);
    }
  }

  /** ONNX Runtime refused or failed to run a model. */
  public static final class OnnxRuntimeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OnnxRuntimeException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
