package io.deepreshape.train.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan.json keeps everything a resumed run needs, channel masks included, and leaves no temporary files. */
class PlanFileTest {
  @Test
  void roundTripsAPlanWithChannelMasks(@TempDir Path dir) throws Exception {
    BitSet kept = new BitSet();
    kept.set(1);
    kept.set(4, 7);
    NetworkSpec spec = Presets.build("hybrenet:8,2,2,2", Dataset.SYNTHETIC).withReluModes(Map.of(
        ReluAddress.of(2, 1, 2), new ReluMode.PartialChannels(kept), ReluAddress.of(1, 1, 1), ReluMode.IDENTITY,
        ReluAddress.of(3, 2, 1), new ReluMode.Reuse(4)));
    ObjectNode details = PlanFile.details();
    details.put("exact", true);
    OptimizationPlan plan = new OptimizationPlan(Method.SNL, "runs/teacher", 12_345, "S3 > S2 > S4 > S1", "default",
        "SNL per-channel masks", spec, 12_345, details);
    assertThat(PlanFile.exists(dir)).isFalse();
    PlanFile.write(dir, plan);
    assertThat(PlanFile.exists(dir)).isTrue();
    OptimizationPlan back = PlanFile.read(dir);
    assertThat(back).isEqualTo(plan);
    assertThat(back.spec().reluMode(ReluAddress.of(2, 1, 2)).text()).isEqualTo("partial:channels=1,4-6");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly(PlanFile.NAME);
    }
  }
}
