package io.deepreshape.cli.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import com.google.protobuf.ByteString;
import io.deepreshape.cli.CliRun;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.onnx.OnnxExport;
import io.deepreshape.spec.BlockType;
import io.deepreshape.spec.InputShape;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import io.deepreshape.spec.StemType;
import io.deepreshape.train.model.TrainedWeights;
import io.deepreshape.train.run.GraphModelFactory;
import io.deepreshape.train.trainer.ModelHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
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

  private Path grouped(String name, long group) throws IOException {
    return edited(name, g -> {
      int i = index(g, "Conv", 1);
      NodeProto.Builder n = g.getNode(i).toBuilder();
      for (int a = 0; a < n.getAttributeCount(); a++) {
        if (n.getAttribute(a).getName().equals("group")) {
          n.setAttribute(a, AttributeProto.newBuilder().setName("group").setType(AttributeProto.AttributeType.INT)
              .setI(group));
        }
      }
      return g.setNode(i, n);
    });
  }

  @Test
  void aGroupThatDoesNotFitTheChannelsOrTheWeightIsNamed() throws IOException {
    // the first block's conv1 reads the stem's 4 channels with a [4, 4, 3, 3] weight
    assertThat(oneLineError(grouped("grouped3", 3))).contains("(Conv)")
        .contains("group=3 does not divide the 4 input and 4 output channels");
    assertThat(oneLineError(grouped("grouped2", 2))).contains("(Conv)")
        .contains("weight [4, 4, 3, 3] does not fit input 4x8x8 in 2 groups (expected [M, 2, k, k])");
  }

  @Test
  void anUnsupportedAttributeValueIsNamed() throws IOException {
    Path f = edited("dilated", g -> {
      int i = index(g, "Conv", 1);
      NodeProto.Builder n = g.getNode(i).toBuilder().clearAttribute();
      g.getNode(i).getAttributeList().stream().filter(a -> !a.getName().equals("dilations")).forEach(n::addAttribute);
      return g.setNode(i, n.addAttribute(AttributeProto.newBuilder().setName("dilations")
          .setType(AttributeProto.AttributeType.INTS).addInts(2).addInts(2)));
    });
    assertThat(oneLineError(f)).contains("(Conv)").contains("dilations other than 1 are not supported");
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
  void aMulOutsideTheExportedReluPatternsIsNamed() throws IOException {
    Path f = edited("mul", g -> {
      int i = index(g, "Relu", 1);
      NodeProto n = g.getNode(i);
      return g.setNode(i, n.toBuilder().setOpType("Mul").addInput(n.getInput(0)).setName("/act/Mul"));
    });
    assertThat(oneLineError(f)).contains("'/act/Mul' (Mul) (on an activation, an activation)")
        .contains("supported only as part of the partial-ReLU and ReLU-reuse patterns that deepreshape export writes");
  }

  @Test
  void aReusePatternWhoseGroupsAreNotConsecutiveChannelsIsNamed() throws IOException {
    NetworkSpec spec = Presets.fromFactors("reused", new InputShape(3, 8, 8, 4), StemType.CIFAR, BlockType.BASIC, 4,
        new int[] {1}, new int[0]).withReluModes(Map.of(ReluAddress.of(1, 1, 1), new ReluMode.Reuse(2)));
    NetworkGraph graph = NetworkGraph.of(spec);
    GraphModelFactory factory = new GraphModelFactory(graph);
    ModelProto m;
    try (ModelHandle h = ModelHandle.create(factory, Device.cpu(), 1)) {
      m = OnnxExport.model(graph, new TrainedWeights(factory.built()));
    }
    GraphProto.Builder g = m.getGraph().toBuilder();
    for (int i = 0; i < g.getInitializerCount(); i++) {
      if (g.getInitializer(i).getName().equals("s1.b1.r1.group")) {
        // channels 0..3 in groups 0, 1, 0, 1 instead of 0, 0, 1, 1
        ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(new long[] {0, 1, 0, 1});
        g.setInitializer(i, g.getInitializer(i).toBuilder().setRawData(ByteString.copyFrom(b.array())));
      }
    }
    Path f = dir.resolve("regrouped.onnx");
    Files.write(f, m.toBuilder().setGraph(g).build().toByteArray());
    assertThat(oneLineError(f)).contains("node 's1.b1.r1' (Mul)").contains("groups [0, 1, 0, 1]")
        .contains("are not groups of r consecutive channels of 4");
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
