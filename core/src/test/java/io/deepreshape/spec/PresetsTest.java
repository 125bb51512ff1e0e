package io.deepreshape.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PresetsTest {
  @Test
  void datasetsFixInputAndStem() {
    NetworkSpec imagenet = Presets.build("resnet50", Dataset.IMAGENET);
    assertThat(imagenet.stem().type()).isEqualTo(StemType.IMAGENET);
    assertThat(imagenet.input()).isEqualTo(new InputShape(3, 224, 224, 1000));
    NetworkSpec fm = Presets.build("resnet18", Dataset.FASHION_MNIST);
    assertThat(fm.stem().type()).isEqualTo(StemType.CIFAR);
    assertThat(fm.input()).isEqualTo(new InputShape(1, 28, 28, 10));
  }

  @Test
  void fashionMnistSizesFollowPytorch() {
    // 3x3 stride-2 padding-1 convolutions: 28 -> 14 -> 7 -> 4.
    int[][] sizes = Presets.build("resnet18", Dataset.FASHION_MNIST).spatialSizes();
    assertThat(sizes).isDeepEqualTo(new int[][] {{28, 28}, {28, 28}, {14, 14}, {7, 7}, {4, 4}});
    assertThat(NetworkSpec.convOut(7, 1, 2, 0)).isEqualTo(4);
  }

  @Test
  void hybrenetFactorsBecomeWidths() {
    NetworkSpec h = Presets.build("hybrenet:16,5,5,3", Dataset.CIFAR100);
    assertThat(h.stages()).extracting(StageSpec::width).containsExactly(16, 80, 400, 1200);
    assertThat(h.factors()).containsExactly(5.0, 5.0, 3.0);
  }

  @Test
  void wideResNetDepthMustBe6nPlus4() {
    assertThatThrownBy(() -> Presets.build("wrn-21-8", Dataset.CIFAR10))
        .hasMessageContaining("depth must be 6n+4");
    NetworkSpec w = Presets.build("wrn-22-8", Dataset.CIFAR10);
    assertThat(w.stages()).extracting(StageSpec::phi).containsExactly(3, 3, 3);
    assertThat(w.stages()).extracting(StageSpec::width).containsExactly(128, 256, 512);
  }

  @Test
  void unknownPresetListsTheChoices() {
    assertThatThrownBy(() -> Presets.build("resnet99", Dataset.CIFAR10)).isInstanceOf(SpecException.class)
        .hasMessageStartingWith("unknown preset 'resnet99': expected one of resnet18,")
        .hasMessageContaining("hybrenet:<m>,<alpha>,<beta>,<gamma>");
  }

  @Test
  void negativeFamilyValueIsRejected() {
    assertThatThrownBy(() -> Presets.build("hybrenet:-16,5,5,3", Dataset.CIFAR10))
        .hasMessage("preset 'hybrenet:-16,5,5,3': every value must be >= 1, was -16");
  }

  @Test
  void unknownDatasetListsTheChoices() {
    assertThatThrownBy(() -> Dataset.parse("mnist")).hasMessageStartingWith("unknown dataset 'mnist': expected one of");
  }
}
