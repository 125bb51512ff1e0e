package io.deepreshape.train.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.criticality.CriticalityIo;
import io.deepreshape.criticality.CriticalityScores;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import io.deepreshape.train.data.SyntheticConfig;
import io.deepreshape.train.data.SyntheticDataset;
import io.deepreshape.train.run.DataSettings;
import io.deepreshape.train.run.RunFiles;
import io.deepreshape.train.progress.ProgressLine;
import io.deepreshape.train.checkpoint.RunDirectory;
import io.deepreshape.train.trainer.TrainConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DeepReDuce's criticality measurement on a tiny synthetic set: the file, its order, and resuming. */
class CriticalityMeasurementTest {
  static final NetworkSpec NET = Presets.build("hybrenet:8,2,2,2", Dataset.SYNTHETIC);

  @Test
  void stageOnlyNetworksKeepExactlyOneStagesRelus() {
    NetworkSpec linear = StageOnlySpecs.linear(NET);
    assertThat(Accounting.of(linear).relus()).isZero();
    assertThat(linear.reluMode(ReluAddress.STEM)).isEqualTo(ReluMode.IDENTITY);
    for (int k = 1; k <= 4; k++) {
      NetworkSpec only = StageOnlySpecs.stageOnly(NET, k);
      assertThat(Accounting.of(only).relus()).isEqualTo(Accounting.stageRelus(NET)[k - 1]);
      assertThat(only.name()).isEqualTo("hybrenet:8,2,2,2-S" + k + "-only");
    }
  }

  @Test
  void aGraphWithoutSpecGetsTheSameStageOnlyNetworks() {
    NetworkGraph g = PlannersTest.withoutSpec(NET);
    NetworkGraph linear = StageOnlySpecs.linear(g);
    assertThat(linear.spec()).isEmpty();
    assertThat(Accounting.of(linear).relus()).isZero();
    assertThat(linear.name()).isEqualTo("hybrenet:8,2,2,2-linear");
    for (int k = 1; k <= 4; k++) {
      int kept = k;
      NetworkGraph only = StageOnlySpecs.stageOnly(g, k);
      assertThat(Accounting.of(only).relus()).isEqualTo(Accounting.stageRelus(NET)[k - 1]);
      assertThat(only.reluLayers()).allSatisfy(l -> assertThat(l.mode())
          .isEqualTo(l.stage() == kept ? ReluMode.FULL : ReluMode.IDENTITY));
    }
  }

  @Test
  void writesTheCriticalityFileAndResumesOnlyWhatIsMissing(@TempDir Path dir) throws Exception {
    Path synth = dir.resolve("synth");
    SyntheticDataset.generate(SyntheticConfig.of(10, 192, 100, 5), synth);
    DataSettings data = new DataSettings("synthetic", synth.toString(), 0, 0, 1);
    TrainConfig config = TrainConfig.defaults().toBuilder().epochs(1).batchSize(32).learningRate(0.05).seed(2).build();
    ProgressLine quiet = new ProgressLine(System.err, ProgressLine.Mode.OFF);
    Path out = dir.resolve("crit");
    List<String> log = new ArrayList<>();

    CriticalityMeasurement.Result r = CriticalityMeasurement.run(NET, data, config, out, quiet, log::add);
    assertThat(r.complete()).isTrue();
    assertThat(r.runs()).extracting(CriticalityMeasurement.StageRun::label)
        .containsExactly("linear", "S1", "S2", "S3", "S4");
    assertThat(r.runs()).noneMatch(CriticalityMeasurement.StageRun::reused);
    assertThat(Accounting.of(RunFiles.spec(out.resolve("S2"))).relus()).isEqualTo(16_384);
    CriticalityScores read = CriticalityIo.read(out.resolve(CriticalityMeasurement.FILE));
    assertThat(read).isEqualTo(r.scores());
    assertThat(read.network()).isEqualTo("hybrenet:8,2,2,2");
    assertThat(read.dataset()).isEqualTo("synthetic");
    for (CriticalityMeasurement.StageRun s : r.runs().subList(1, 5)) {
      int k = Integer.parseInt(s.label().substring(1));
      assertThat(read.accuracy(k)).isEqualTo(s.accuracy());
      assertThat(read.score(k)).isEqualTo(s.accuracy() - r.runs().get(0).accuracy());
    }
    // the order sorts stages by descending score
    List<Integer> order = read.order("file").stages();
    assertThat(order).containsExactlyInAnyOrder(1, 2, 3, 4);
    for (int j = 0; j + 1 < order.size(); j++) {
      assertThat(read.score(order.get(j))).isGreaterThanOrEqualTo(read.score(order.get(j + 1)));
    }

    // lose stage 3's run: a second measurement retrains only it
    FileTime linearDone = Files.getLastModifiedTime(new RunDirectory(out.resolve("linear")).finalParamsFile());
    try (Stream<Path> files = Files.walk(out.resolve("S3"))) {
      files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
    }
    List<String> again = new ArrayList<>();
    CriticalityMeasurement.Result r2 = CriticalityMeasurement.run(NET, data, config, out, quiet, again::add);
    assertThat(r2.runs()).extracting(CriticalityMeasurement.StageRun::reused)
        .containsExactly(true, true, true, false, true);
    assertThat(again).filteredOn(l -> l.startsWith("S3: training")).hasSize(1);
    assertThat(Files.getLastModifiedTime(new RunDirectory(out.resolve("linear")).finalParamsFile()))
        .isEqualTo(linearDone);
    assertThat(CriticalityIo.read(out.resolve(CriticalityMeasurement.FILE))).isEqualTo(r2.scores());
  }
}
