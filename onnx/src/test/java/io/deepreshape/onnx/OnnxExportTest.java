package io.deepreshape.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepreshape.error.UserInputException;
import io.deepreshape.graph.FcNode;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.graph.WeightSource;
import io.deepreshape.layout.BatchNormLayer;
import io.deepreshape.layout.ConvLayer;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.onnx.proto.OnnxProto.ModelProto;
import io.deepreshape.onnx.proto.OnnxProto.NodeProto;
import io.deepreshape.onnx.proto.OnnxProto.TensorShapeProto;
import io.deepreshape.onnx.proto.OnnxProto.ValueInfoProto;
import io.deepreshape.spec.BlockType;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.InputShape;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import io.deepreshape.spec.StemType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The exported model's operators per ReLU mode, its opset, its input and output, read back from the file. */
class OnnxExportTest {
  /** The operators EzPC's ONNX front end lists (issue 18, item 1). */
  static final Set<String> PLAIN_OPS = Set.of("Conv", "BatchNormalization", "Relu", "Add", "MaxPool", "AveragePool",
      "GlobalAveragePool", "Flatten", "Gemm", "Mul");

  @TempDir
  Path dir;

  static Stream<NetworkSpec> plainNetworks() {
    return Stream.of(Presets.build("resnet18", Dataset.CIFAR100),
        Presets.fromFactors("bottleneck", new InputShape(3, 16, 16, 6), StemType.CIFAR, BlockType.BOTTLENECK, 4,
            new int[] {2, 1}, new int[] {2}),
        Presets.fromFactors("imagenet-stem", new InputShape(3, 40, 40, 7), StemType.IMAGENET, BlockType.BASIC, 4,
            new int[] {1, 1}, new int[] {2}),
        Presets.build("wrn-10-1", Dataset.CIFAR10));
  }

  @ParameterizedTest
  @MethodSource("plainNetworks")
  void plainResNetsUseOnlyTheListedOperatorsWithOneReluPerLayer(NetworkSpec spec) throws Exception {
    ModelProto m = readBack(spec);
    assertThat(opTypes(m)).isSubsetOf(PLAIN_OPS);
    NetworkGraph g = NetworkGraph.of(spec);
    assertThat(count(m, "Relu")).isEqualTo(g.reluLayers().size());
    assertThat(count(m, "Conv")).isEqualTo(g.convLayers().size());
  }

  @Test
  void declaresOpset13AndTheDocumentedInputAndOutput() throws Exception {
    ModelProto m = readBack(Presets.build("resnet18", Dataset.TINYIMAGENET));
    assertThat(m.getOpsetImportList()).singleElement().satisfies(o -> {
      assertThat(o.getDomain()).isEmpty();
      assertThat(o.getVersion()).isEqualTo(13);
    });
    assertThat(m.getIrVersion()).isEqualTo(7);
    assertThat(m.getGraph().getInputList()).singleElement().satisfies(v -> {
      assertThat(v.getName()).isEqualTo("input");
      assertThat(dims(v)).containsExactly("N", "3", "64", "64");
    });
    assertThat(m.getGraph().getOutputList()).singleElement().satisfies(v -> {
      assertThat(v.getName()).isEqualTo("logits");
      assertThat(dims(v)).containsExactly("N", "200");
    });
  }

  @Test
  void eachModeHasItsOperatorsAndComparesOnlyTheChannelsTheAccountingCounts() throws Exception {
    NetworkSpec plain = Presets.build("resnet18", Dataset.CIFAR10);
    NetworkSpec modes = plain.withReluModes(Map.of(ReluAddress.of(1, 1, 1), ReluMode.IDENTITY,
        ReluAddress.of(1, 2, 1), ReluMode.IDENTITY, ReluAddress.of(2, 1, 1), new ReluMode.PartialFraction(0.25)));
    ModelProto m = readBack(modes);
    // two layers removed (no op at all); the partial one keeps one Relu, on its kept channels only
    int layers = NetworkGraph.of(plain).reluLayers().size();
    assertThat(count(m, "Relu")).isEqualTo(layers - 2);
    assertThat(opTypes(m)).contains("Gather", "Concat").isSubsetOf(union(PLAIN_OPS, "Gather", "Concat"));
    // s2.b1.r1 has 128 channels, a quarter kept
    assertThat(initializerSize(m, "s2.b1.r1.kept_channels")).isEqualTo(32);
    assertThat(initializerSize(m, "s2.b1.r1.merge")).isEqualTo(128);

    ModelProto reuse = readBack(plain.withReluModes(Map.of(ReluAddress.STEM, new ReluMode.Reuse(3))));
    assertThat(opTypes(reuse)).contains("Gather", "Greater", "Cast")
        .isSubsetOf(union(PLAIN_OPS, "Gather", "Greater", "Cast"));
    assertThat(count(reuse, "Relu")).isEqualTo(layers - 1);
    // the stem's 64 channels in groups of 3: ceil(64 / 3) = 22 compared channels, 64 multiplied
    assertThat(initializerSize(reuse, "stem.representatives")).isEqualTo(22);
    assertThat(initializerSize(reuse, "stem.group")).isEqualTo(64);
  }

  private static long initializerSize(ModelProto m, String name) {
    return m.getGraph().getInitializerList().stream().filter(t -> t.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no initializer " + name)).getDims(0);
  }

  @Test
  void aSourceWithoutWeightsIsRefusedNamingTheLayer() {
    NetworkGraph g = NetworkGraph.of(Presets.build("resnet18", Dataset.CIFAR10));
    assertThatThrownBy(() -> OnnxExport.model(g, WeightSource.SHAPE_ONLY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stem.conv");
  }

  @Test
  void aNetworkTooLargeForOneFileIsRefusedBeforeAnyWeightIsRead() {
    NetworkSpec wide = Presets.fromFactors("huge", new InputShape(3, 32, 32, 10), StemType.CIFAR, BlockType.BASIC,
        4096, new int[] {2, 2}, new int[] {2});
    // 3x3 convolutions 4096->4096 (x3) and 4096->8192, 8192->8192 (x3): far above 2 GiB of float32
    assertThat(OnnxExport.weightBytes(NetworkGraph.of(wide))).isGreaterThan(OnnxExport.MAX_WEIGHT_BYTES);
    assertThatThrownBy(() -> OnnxExport.model(NetworkGraph.of(wide), WeightSource.SHAPE_ONLY))
        .isInstanceOf(UserInputException.class).hasMessageContaining("huge").hasMessageContaining("MiB");
  }

  @Test
  void weightBytesCountConvolutionsBatchNormStatisticsAndTheClassifier() {
    // resnet18 on CIFAR-100: 11,220,132 parameters (DEEPRESHAPE.md section 3) of which 9,600 BN channels
    // hold gamma and beta; the running mean and variance add 2 x 4,800 floats
    NetworkGraph g = NetworkGraph.of(Presets.build("resnet18", Dataset.CIFAR100));
    assertThat(OnnxExport.weightBytes(g)).isEqualTo(4L * (11_220_132 + 9_600));
  }

  private ModelProto readBack(NetworkSpec spec) throws Exception {
    Path file = dir.resolve("model.onnx");
    OnnxExport.write(NetworkGraph.of(spec), new Constant(), file);
    try (var in = Files.newInputStream(file)) {
      return ModelProto.parseFrom(in);
    }
  }

  private static Set<String> opTypes(ModelProto m) {
    return m.getGraph().getNodeList().stream().map(NodeProto::getOpType).collect(Collectors.toSet());
  }

  private static long count(ModelProto m, String op) {
    return m.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals(op)).count();
  }

  private static Set<String> union(Set<String> a, String... more) {
    return Stream.concat(a.stream(), Arrays.stream(more)).collect(Collectors.toSet());
  }

  private static List<String> dims(ValueInfoProto v) {
    return v.getType().getTensorType().getShape().getDimList().stream()
        .map(d -> d.getValueCase() == TensorShapeProto.Dimension.ValueCase.DIM_PARAM ? d.getDimParam()
            : Long.toString(d.getDimValue()))
        .toList();
  }

  /** Every weight 0.01, every batch norm the identity: shapes are what these tests read. */
  private static final class Constant implements WeightSource {
    @Override
    public float[] conv(ConvLayer layer) {
      return filled((int) layer.params(), 0.01f);
    }

    @Override
    public BatchNorm norm(BatchNormLayer layer) {
      int c = layer.channels();
      return new BatchNorm(filled(c, 1), filled(c, 0), filled(c, 0), filled(c, 1), 1e-5);
    }

    @Override
    public float[] fcWeight(FcNode head) {
      return filled(head.features() * head.classes(), 0.01f);
    }

    @Override
    public float[] fcBias(FcNode head) {
      return filled(head.classes(), 0);
    }

    private static float[] filled(int n, float v) {
      float[] a = new float[n];
      Arrays.fill(a, v);
      return a;
    }
  }
}
