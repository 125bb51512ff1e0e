package io.deepreshape.train.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.train.data.FashionMnist;
import io.deepreshape.train.trainer.EvalResult;
import io.deepreshape.train.trainer.ProgressLine;
import io.deepreshape.train.trainer.TrainConfig;
import io.deepreshape.train.trainer.TrainResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real data: a small ResNet trained for two epochs on 10,000 Fashion-MNIST images reaches 75% on 2,000 test images. */
class FashionMnistTrainingTest {
  @TempDir
  Path dir;

  @Test
  void twoEpochsOnTenThousandImagesReachSeventyFivePercent() throws Exception {
    assumeTrue(FashionMnist.isPresent(FashionMnist.DEFAULT_DIR),
        "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist): real-data test skipped");
    NetworkSpec spec = Presets.build("basech:8", Dataset.FASHION_MNIST);
    DataSettings data = new DataSettings("fashion-mnist", null, 10_000, 2_000, 7);
    TrainConfig config = TrainConfig.defaults().toBuilder().epochs(2).batchSize(64).learningRate(0.05).seed(7).build();
    Path run = dir.resolve("run");
    TrainResult r = TrainingRun.train(spec, data, config, null, run, new ProgressLine(System.err,
        ProgressLine.Mode.OFF));
    assertThat(r.status()).isEqualTo(TrainResult.Status.COMPLETED);
    EvalResult e = TrainingRun.evaluate(run, data);
    assertThat(e.samples()).isEqualTo(2_000);
    assertThat(e.top1()).isGreaterThanOrEqualTo(0.75);
  }
}
