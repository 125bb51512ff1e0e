package io.deepreshape.onnx.importer;

import com.google.protobuf.InvalidProtocolBufferException;
import io.deepreshape.error.UserInputException;
import io.deepreshape.graph.FcNode;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.graph.Shape;
import io.deepreshape.onnx.proto.OnnxProto.ModelProto;
import io.deepreshape.onnx.proto.OnnxProto.OperatorSetIdProto;
import io.deepreshape.spec.InputShape;
import io.deepreshape.spec.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads an ONNX model into a {@link NetworkGraph} and its weights ({@link ImportedModel}). The graph
 * is named after the file (without {@code .onnx}); every ReLU is a full ReLU.
 */
public final class OnnxImport {
  /** Files larger than this are refused before reading (protobuf's 2 GiB message limit). */
  static final long MAX_BYTES = (1L << 31) - 1;
  /** The operator sets whose semantics of the supported operators the importer follows. */
  static final int MIN_OPSET = 7;

  private OnnxImport() {}

  /** The supported operators, for help texts. */
  public static String supported() {
    return GraphReader.SUPPORTED;
  }

  /** Reads {@code file}; anything the importer cannot take is a one-line user error naming it. */
  public static ImportedModel read(Path file) {
    return read(bytes(file), file.toString(), name(file));
  }

  /** Reads a model from its bytes; {@code file} names it in errors, {@code name} becomes the graph's name. */
  public static ImportedModel read(byte[] bytes, String file, String name) {
    ModelProto m;
    try {
      m = ModelProto.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new UserInputException(file + " is not an ONNX model (protobuf: " + e.getMessage() + ")");
    }
    if (!m.hasGraph() || m.getGraph().getNodeCount() == 0) {
      throw new UserInputException(file + " is not an ONNX model: it has no graph nodes");
    }
    for (OperatorSetIdProto o : m.getOpsetImportList()) {
      if ((o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) && o.getVersion() < MIN_OPSET) {
        throw new UserInputException(file + " uses operator set " + o.getVersion() + "; " + MIN_OPSET
            + " or later is supported");
      }
    }
    GraphReader.Read r = GraphReader.read(m.getGraph(), file);
    Staging.Staged s = Staging.assign(r.nodes(), file);
    Shape image = r.image();
    FcNode fc = (FcNode) s.nodes().get(s.nodes().size() - 1);
    InputShape input;
    try {
      input = new InputShape(image.channels(), image.height(), image.width(), fc.classes());
    } catch (SpecException e) {
      throw new UserInputException(file + ": " + e.getMessage());
    }
    return new ImportedModel(NetworkGraph.imported(name, input, s.depth(), s.nodes()), r.weights());
  }

  private static byte[] bytes(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new UserInputException(file + " is larger than 2 GiB, more than one ONNX model file holds");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UserInputException(file + " does not exist");
    } catch (IOException e) {
      throw new UserInputException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static String name(Path file) {
    String n = file.getFileName().toString();
    return n.endsWith(".onnx") ? n.substring(0, n.length() - 5) : n;
  }
}
