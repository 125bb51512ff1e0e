package io.deepreshape.onnx;

import io.deepreshape.error.UserInputException;
import io.deepreshape.graph.BatchNormNode;
import io.deepreshape.graph.ConvNode;
import io.deepreshape.graph.FcNode;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.graph.Node;
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

  /** Weights one file can hold: protobuf's 2 GiB message limit less room for the graph itself. */
  static final long MAX_WEIGHT_BYTES = (1L << 31) - (64L << 20);

  private OnnxExport() {}

  /** Float32 bytes of the graph's weights, batch-norm statistics included. */
  static long weightBytes(NetworkGraph graph) {
    long floats = 0;
    for (Node n : graph.nodes()) {
      if (n instanceof ConvNode c) {
        floats += c.layer().params();
      } else if (n instanceof BatchNormNode b) {
        floats += 4L * b.layer().channels();
      } else if (n instanceof FcNode f) {
        floats += f.params();
      }
    }
    return 4 * floats;
  }

  /**
   * The model of {@code graph} with the parameters {@code weights} gives (none may be null).
   *
   * @throws UserInputException when the weights would not fit in one protobuf message
   */
  public static ModelProto model(NetworkGraph graph, WeightSource weights) {
    long bytes = weightBytes(graph);
    if (bytes > MAX_WEIGHT_BYTES) {
      throw new UserInputException(graph.name() + " has " + bytes / (1L << 20) + " MiB of weights; an ONNX "
          + "file holds at most " + MAX_WEIGHT_BYTES / (1L << 20) + " MiB (one protobuf message of at most 2 GiB)");
    }
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
