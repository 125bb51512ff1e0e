package io.deepreshape.train.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.deepreshape.accounting.Accounting;
import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.ReluMode;
import io.deepreshape.train.data.SyntheticConfig;
import io.deepreshape.train.model.BuiltModel;
import io.deepreshape.train.model.ModelBuilder;
import io.deepreshape.train.data.SyntheticDataset;
import io.deepreshape.train.run.DataSettings;
import io.deepreshape.train.run.RunFiles;
import io.deepreshape.train.run.TrainingRun;
import io.deepreshape.train.progress.ProgressLine;
import io.deepreshape.train.checkpoint.RunDirectory;
import io.deepreshape.train.trainer.TrainConfig;
import io.deepreshape.train.trainer.TrainResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a tiny synthetic set (128 training images, width 8): a teacher, then each method at a
 * budget; the fine-tuned model's measured ReLUs equal the accounting's, and a second run reuses the
 * plan and the finished fine-tuning.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OptimizeRunsTest {
  @TempDir
  static Path dir;
  static DataSettings data;
  static Path teacher;
  static final ProgressLine QUIET = new ProgressLine(System.err, ProgressLine.Mode.OFF);
  static final NetworkSpec NET = Presets.build("hybrenet:8,2,2,2", Dataset.SYNTHETIC);
  static final TrainConfig FINE_TUNE = TrainConfig.defaults().toBuilder().epochs(1).batchSize(32).learningRate(0.01)
      .seed(3).build();

  @BeforeAll
  static void teacher() throws Exception {
    Path synth = dir.resolve("synth");
    SyntheticDataset.generate(SyntheticConfig.of(10, 128, 64, 11), synth);
    data = new DataSettings("synthetic", synth.toString(), 0, 0, 1);
    teacher = dir.resolve("teacher");
    TrainConfig config = TrainConfig.defaults().toBuilder().epochs(2).batchSize(32).learningRate(0.05).seed(1).build();
    TrainResult r = TrainingRun.train(NET, data, config, null, teacher, QUIET);
    assertThat(r.status()).isEqualTo(TrainResult.Status.COMPLETED);
  }

  static ReluOptimization.Outcome optimize(Method method, long budget, String out, List<String> log)
      throws Exception {
    SnlSettings snl = new SnlSettings(4, 0.1, 0.05, 1.5, 2, 0.01);
    return ReluOptimization.run(new ReluOptimization.Request(teacher, method, budget, CriticalityOrder.defaultFor(4),
        data, FINE_TUNE, snl, dir.resolve(out)), QUIET, log::add);
  }

  static int parameterArrays(NetworkSpec spec) {
    BuiltModel m = ModelBuilder.build(spec);
    try (NDManager manager = NDManager.newBaseManager()) {
      m.block().initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
      return m.block().getParameters().size();
    }
  }

  static void assertMeasuredEqualsAccounting(Path run) throws Exception {
    NetworkSpec spec = RunFiles.spec(run);
    assertThat(MeasuredRelus.perImage(spec, new RunDirectory(run).finalParamsFile()))
        .isEqualTo(Accounting.of(spec).relus());
  }

  @Test
  @Order(1)
  void deepReduceLandsUnderBudgetAndResumesWithoutRedoingWork() throws Exception {
    List<String> log = new ArrayList<>();
    ReluOptimization.Outcome o = optimize(Method.DEEPREDUCE, 20_000, "deepreduce", log);
    // the plan PlannersTest works out by hand: cull the stem and S1, thin S4 and S2
    assertThat(o.plan().relus()).isEqualTo(18_432);
    assertThat(o.plan().description()).isEqualTo("cull stem; cull S1; thin S4, S2");
    assertThat(o.training().status()).isEqualTo(TrainResult.Status.COMPLETED);
    // every convolution, batch norm (with running statistics) and the classifier start from the teacher
    assertThat(o.warmStartArrays()).isEqualTo(parameterArrays(NET));
    Path run = dir.resolve("deepreduce");
    assertThat(Accounting.of(RunFiles.spec(run)).relus()).isEqualTo(18_432);
    assertMeasuredEqualsAccounting(run);
    FileTime finished = Files.getLastModifiedTime(new RunDirectory(run).finalParamsFile());

    List<String> again = new ArrayList<>();
    ReluOptimization.Outcome o2 = optimize(Method.DEEPREDUCE, 20_000, "deepreduce", again);
    assertThat(o2.planReused()).isTrue();
    assertThat(o2.trainingReused()).isTrue();
    assertThat(Files.getLastModifiedTime(new RunDirectory(run).finalParamsFile())).isEqualTo(finished);
    assertThat(again).anyMatch(l -> l.startsWith("fine-tuning already finished"));
  }

  @Test
  @Order(2)
  void aStoppedFineTuningResumesFromItsCheckpoint() throws Exception {
    // the plan and warm-start checkpoint exist but the fine-tuning never ran: the run resumes, it does not re-plan
    List<String> log = new ArrayList<>();
    ReluOptimization.Outcome o = optimize(Method.REUSE, 30_000, "reuse", log);
    Path run = dir.resolve("reuse");
    assertThat(o.plan().relus()).isEqualTo(29_696);
    assertThat(RunFiles.spec(run).reluMode(io.deepreshape.spec.ReluAddress.of(1, 1, 1)))
        .isEqualTo(new ReluMode.Reuse(4));
    assertMeasuredEqualsAccounting(run);
    Files.delete(new RunDirectory(run).finalParamsFile());
    List<String> again = new ArrayList<>();
    ReluOptimization.Outcome o2 = optimize(Method.REUSE, 30_000, "reuse", again);
    assertThat(o2.planReused()).isTrue();
    assertThat(again).contains("resuming fine-tuning in " + run);
    assertThat(new RunDirectory(run).finalParamsFile()).exists();
  }

  @Test
  @Order(3)
  void snlLandsExactlyOnTheBudget() throws Exception {
    List<String> log = new ArrayList<>();
    ReluOptimization.Outcome o = optimize(Method.SNL, 20_000, "snl", log);
    Path run = dir.resolve("snl");
    NetworkSpec spec = RunFiles.spec(run);
    assertThat(o.plan().relus()).isEqualTo(20_000);
    assertThat(Accounting.of(spec).relus()).isEqualTo(20_000);
    assertThat(o.plan().details().get("exact").asBoolean()).isTrue();
    assertThat(spec.relu().values()).anyMatch(m -> m instanceof ReluMode.PartialChannels);
    assertThat(run.resolve(ReluOptimization.SNL_WEIGHTS)).exists();
    assertThat(log.get(0)).startsWith("SNL search: 17 masked layers, 69632 live ReLUs");
    // the L1 penalty switched channels off before the binarisation
    assertThat(o.plan().details().get("live_relus_at_stop").asLong()).isLessThan(69_632);
    assertThat(o.warmStartArrays()).isEqualTo(parameterArrays(NET));
    assertMeasuredEqualsAccounting(run);
  }
}
