package io.deepreshape.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecIoTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"resnet18", "resnet50", "resnet32", "wrn-16-4", "hybrenet:16,5,5,3", "stagech:32,3"})
  void jsonAndYamlRoundTripExactly(String preset) throws IOException {
    BitSet kept = new BitSet();
    kept.set(1, 5);
    NetworkSpec spec = Presets.build(preset, Dataset.CIFAR100);
    ReluAddress a = ReluAddress.of(1, 1, 1);
    ReluAddress b = ReluAddress.of(2, 1, 2);
    ReluAddress c = ReluAddress.of(1, 1, 2);
    spec = spec.withReluModes(Map.of(a, ReluMode.IDENTITY, b, new ReluMode.PartialFraction(0.3),
        c, new ReluMode.PartialChannels(kept)));
    for (String ext : new String[] {"json", "yaml"}) {
      Path f = dir.resolve("n." + ext);
      SpecIo.write(spec, f);
      assertThat(SpecIo.read(f)).isEqualTo(spec);
    }
    assertThat(SpecIo.parse(SpecIo.toYaml(spec), false)).isEqualTo(spec);
  }

  @Test
  void shorthandFormMatchesThePreset() {
    String yaml = """
        name: resnet18
        dataset: cifar100
        base_width: 64
        phi: [2, 2, 2, 2]
        factors: [2, 2, 2]
        relu:
          s1.b1.r1: identity
          stem: reuse:2
        """;
    NetworkSpec s = SpecIo.parse(yaml, false);
    assertThat(s.withAllReluFull()).isEqualTo(Presets.build("resnet18", Dataset.CIFAR100));
    assertThat(s.reluMode(ReluAddress.STEM)).isEqualTo(new ReluMode.Reuse(2));
  }

  private static String canonical(String stagesYaml) {
    return """
        name: t
        input: {channels: 3, height: 32, width: 32, classes: 10}
        stem: {type: cifar, channels: 16}
        block: basic
        stages:
        """ + stagesYaml;
  }

  @Test
  void zeroPhiNamesItsPath() {
    String yaml = canonical("  - {phi: 2, width: 16}\n  - {phi: 2, width: 32}\n  - {phi: 0, width: 64}\n");
    assertThatThrownBy(() -> SpecIo.parse(yaml, false)).isInstanceOf(SpecException.class)
        .hasMessage("stages[2].phi must be between 1 and 1024, was 0");
  }

  @Test
  void negativeWidthNamesItsPath() {
    assertThatThrownBy(() -> SpecIo.parse(canonical("  - {phi: 2, width: -16}\n"), false))
        .hasMessage("stages[0].width must be between 1 and 1048576, was -16");
  }

  @Test
  void unknownFieldIsNamedWithTheExpectedOnes() {
    assertThatThrownBy(() -> SpecIo.parse(canonical("  - {phi: 2, widht: 16}\n"), false))
        .hasMessage("unknown field 'widht' in stages[0]: expected phi, width");
  }

  @Test
  void wrongTypeIsNamed() {
    assertThatThrownBy(() -> SpecIo.parse(canonical("  - {phi: two, width: 16}\n"), false))
        .hasMessageStartingWith("stages[0].phi must be an integer, was \"two\"");
  }

  @Test
  void malformedYamlGivesLineAndColumn() throws IOException {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "name: x\nstages: [ {phi: 2\n");
    assertThatThrownBy(() -> SpecIo.read(f)).isInstanceOf(SpecException.class)
        .hasMessageContaining(f.toString()).hasMessageContaining("not valid YAML at line");
  }

  @Test
  void missingFileIsNamed() {
    Path f = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> SpecIo.read(f)).hasMessage("spec file " + f + " does not exist");
  }

  @Test
  void unreadableFileIsNamed() throws IOException {
    Path f = dir.resolve("folder.yaml");
    Files.createDirectory(f);
    assertThatThrownBy(() -> SpecIo.read(f)).isInstanceOf(SpecException.class)
        .hasMessageStartingWith("cannot read spec file " + f);
  }

  @Test
  void reluAddressOutsideTheNetworkIsRejected() {
    String yaml = canonical("  - {phi: 2, width: 16}\n") + "relu: {s2.b1.r1: identity}\n";
    assertThatThrownBy(() -> SpecIo.parse(yaml, false)).hasMessageStartingWith("relu.s2.b1.r1 names no ReLU layer");
  }

  @Test
  void badReluModeIsNamed() {
    String yaml = canonical("  - {phi: 2, width: 16}\n") + "relu: {s1.b1.r1: 'partial:1.5'}\n";
    assertThatThrownBy(() -> SpecIo.parse(yaml, false)).hasMessageStartingWith("relu.s1.b1.r1 must be full, identity");
  }
}
