package io.deepreshape.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The table of known values in DEEPRESHAPE.md section 3 (they match torchvision and the PI papers). */
class KnownValuesTest {

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
      "resnet18, cifar100, 557056, 555468800, 11220132",
      "resnet18, tinyimagenet, 2228224, 2221772800, 11271432",
      "resnet18, imagenet, 2308096, 1814073344, 11689512",
  })
  void totalsMatchTheSpecTable(String preset, String dataset, long relus, long macs, long params) {
    NetworkCost cost = Accounting.of(Presets.build(preset, Dataset.parse(dataset)));
    assertThat(cost.relus()).isEqualTo(relus);
    assertThat(cost.macs()).isEqualTo(macs);
    assertThat(cost.params()).isEqualTo(params);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
      "cifar100, 65536, 262144, 131072, 65536, 32768",
      "tinyimagenet, 262144, 1048576, 524288, 262144, 131072",
  })
  void stageReluDistributionMatchesTheSpecTable(String dataset, long stem, long s1, long s2, long s3, long s4) {
    NetworkSpec spec = Presets.build("resnet18", Dataset.parse(dataset));
    NetworkCost cost = Accounting.of(spec);
    assertThat(cost.stages()).extracting(StageCost::relus).containsExactly(stem, s1, s2, s3, s4, 0L);
    assertThat(Accounting.stageRelus(spec)).containsExactly(s1, s2, s3, s4);
  }
}
