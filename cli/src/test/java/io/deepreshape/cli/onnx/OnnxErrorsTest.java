package io.deepreshape.cli.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.cli.CliRun;
import io.deepreshape.onnx.proto.OnnxProto.AttributeProto;
import io.deepreshape.onnx.proto.OnnxProto.GraphProto;
import io.deepreshape.onnx.proto.OnnxProto.ModelProto;
import io.deepreshape.onnx.proto.OnnxProto.NodeProto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model the importer cannot take is the user's mistake: one line naming the node, the operator and
 * what is supported, exit 2, no stack trace. Each case edits the PyTorch-written tiny fixture.
 */
class OnnxErrorsTest {
  @TempDir
  Path dir;

  private Path edited(String name, UnaryOperator<GraphProto.Builder> edit) throws IOException {
    ModelProto m = ModelProto.parseFrom(Files.readAllBytes(Fixtures.model("tiny-resnet")));
    GraphProto g = edit.apply(m.getGraph().toBuilder()).build();
    Path f = dir.resolve(name + ".onnx");
    Files.write(f, m.toBuilder().setGraph(g).build().toByteArray());
    return f;
  }

  private static int index(GraphProto.Builder g, String op, int nth) {
    int seen = 0;
    for (int i = 0; i < g.getNodeCount(); i++) {
      if (g.getNode(i).getOpType().equals(op) && seen++ == nth) {
        return i;
      }
    }
    throw new AssertionError("the fixture has no " + op + " #" + nth);
  }

  private static String oneLineError(Path model) {
    CliRun r = CliRun.of("analyze", "--onnx", model.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
    return r.err().strip();
  }

  @Test
  void anUnsupportedOperatorNamesTheNodeTheOperatorAndTheSupportedOnes() throws IOException {
    Path f = edited("sigmoid", g -> {
      int i = index(g, "Relu", 1);
      g.setNode(i, g.getNode(i).toBuilder().setOpType("Sigmoid").setName("/act/Sigmoid"));
      return g;
    });
    String e = oneLineError(f);
    assertThat(e).contains("sigmoid.onnx").contains("'/act/Sigmoid'").contains("(Sigmoid)").contains("not supported")
        .contains("Conv, BatchNormalization, Relu, Add");
  }

  @Test
  void anUnsupportedAttributeValueIsNamed() throws IOException {
    Path f = edited("grouped", g -> {
      int i = index(g, "Conv", 1);
      NodeProto.Builder n = g.getNode(i).toBuilder();
      for (int a = 0; a < n.getAttributeCount(); a++) {
        if (n.getAttribute(a).getName().equals("group")) {
          n.setAttribute(a, AttributeProto.newBuilder().setName("group").setType(AttributeProto.AttributeType.INT).setI(2));
        }
      }
      return g.setNode(i, n);
    });
    assertThat(oneLineError(f)).contains("(Conv)").contains("group=2 is not supported").contains("group=1 only");
  }

  @Test
  void aShapeMismatchNamesBothShapes() throws IOException {
    // the second block's sum reads the first block's output (4x8x8) as its shortcut instead of its 8x4x4 projection
    Path f = edited("mismatch", g -> {
      String firstBlockOut = g.getNode(index(g, "Relu", 2)).getOutput(0);
      int i = index(g, "Add", 1);
      return g.setNode(i, g.getNode(i).toBuilder().setInput(1, firstBlockOut));
    });
    assertThat(oneLineError(f)).contains("(Add)").contains("adds shapes 8x4x4 and 4x8x8");
  }

  @Test
  void aMalformedFileIsNotAModel() throws IOException {
    Path f = dir.resolve("garbage.onnx");
    Files.write(f, "this is not a protobuf message \u00ff\u00fe".getBytes(StandardCharsets.UTF_8));
    assertThat(oneLineError(f)).contains("garbage.onnx is not an ONNX model");
  }

  @Test
  void aMissingFileIsNamed() {
    assertThat(oneLineError(dir.resolve("absent.onnx"))).contains("absent.onnx does not exist");
  }

  @Test
  void aTruncatedFileFails() throws IOException {
    byte[] all = Files.readAllBytes(Fixtures.model("tiny-resnet"));
    Path f = dir.resolve("truncated.onnx");
    Files.write(f, java.util.Arrays.copyOf(all, all.length / 2));
    assertThat(oneLineError(f)).contains("truncated.onnx");
  }
}
