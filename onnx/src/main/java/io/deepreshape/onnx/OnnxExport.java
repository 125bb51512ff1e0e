package io.deepreshape.onnx;

import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.graph.WeightSource;
import io.deepreshape.io.AtomicFiles;
import io.deepreshape.onnx.proto.OnnxProto.ModelProto;
import io.deepreshape.onnx.proto.OnnxProto.OperatorSetIdProto;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A network graph with its weights as an ONNX model: one float32 input {@value #INPUT} of shape
 * {@code [N, C, H, W]} (the image normalised as in training), one output {@value #OUTPUT} of shape
 * {@code [N, classes]}, {@code N} free; operator set {@value #OPSET} of the default domain, IR version
 * {@value #IR_VERSION}. Each node's output tensor is named by the node's address.
 */
public final class OnnxExport {
  public static final String INPUT = "input";
  public static final String OUTPUT = "logits";
  public static final int OPSET = 13;
  /** The IR version that goes with opset 13 (ONNX 1.8). */
  public static final int IR_VERSION = 7;
  public static final String PRODUCER = "deepreshape";

  private OnnxExport() {}

  /** The model of {@code graph} with the parameters {@code weights} gives (none may be null). */
  public static ModelProto model(NetworkGraph graph, WeightSource weights) {
    return ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .setProducerName(PRODUCER)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setGraph(GraphWriter.write(graph, weights))
        .build();
  }

  /** Writes the model of {@code graph} to {@code file} atomically. */
  public static void write(NetworkGraph graph, WeightSource weights, Path file) throws IOException {
    ModelProto model = model(graph, weights);
    AtomicFiles.write(file, model::writeTo);
  }
}
