package io.deepreshape.train.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.train.data.FashionMnist;
import io.deepreshape.train.trainer.EpochMetrics;
import io.deepreshape.train.trainer.EvalResult;
import io.deepreshape.train.trainer.ProgressLine;
import io.deepreshape.train.trainer.RunDirectory;
import io.deepreshape.train.trainer.TrainConfig;
import io.deepreshape.train.trainer.TrainResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real data: a small ResNet trained for two epochs on 9,000 Fashion-MNIST images (1,000 more held out for
 * validation) reaches 75% on 2,000 test images; its epochs were scored on the validation split only, and
 * its test score is measured once, on demand.
 */
class FashionMnistTrainingTest {
  @TempDir
  Path dir;

  @Test
  void twoEpochsOnNineThousandImagesReachSeventyFivePercentScoredOnValidation() throws Exception {
    assumeTrue(FashionMnist.isPresent(FashionMnist.DEFAULT_DIR),
        "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist): real-data test skipped");
    NetworkSpec spec = Presets.build("basech:8", Dataset.FASHION_MNIST);
    DataSettings data = new DataSettings("fashion-mnist", null, 10_000, 2_000, 7, 1_000);
    TrainConfig config = TrainConfig.defaults().toBuilder().epochs(2).batchSize(64).learningRate(0.05).seed(7).build();
    Path run = dir.resolve("run");
    TrainResult r = TrainingRun.train(spec, data, config, null, run, new ProgressLine(System.err,
        ProgressLine.Mode.OFF));
    assertThat(r.status()).isEqualTo(TrainResult.Status.COMPLETED);
    List<EpochMetrics> metrics = new RunDirectory(run).readMetrics();
    assertThat(metrics).hasSize(2).allSatisfy(m -> {
      assertThat(m.valTop1()).isBetween(0.0, 1.0);
      assertThat(m.testTop1()).isNull();
      assertThat(m.testLoss()).isNull();
    });
    assertThat(run.resolve(TestScore.FILE)).doesNotExist();
    EvalResult e = TrainingRun.evaluate(run, data);
    assertThat(e.samples()).isEqualTo(2_000);
    assertThat(e.top1()).isGreaterThanOrEqualTo(0.75);
    EvalResult once = TestScore.of(run);
    assertThat(run.resolve(TestScore.FILE)).isRegularFile();
    assertThat(once).isEqualTo(e);
    assertThat(TestScore.of(run)).isEqualTo(e);
  }
}
