package io.deepreshape.train.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import io.deepreshape.train.probe.ThroughputProbe;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class MemoryTest {
  @Test
  void stepsReleaseEveryArray() {
    ThroughputProbe.Report r =
        ThroughputProbe.measure(new ProbeModels.Tiny(), 32, 3, 100, Device.cpu());
    assertThat(r.managedArraysAfter()).isEqualTo(r.managedArraysBefore());
    assertThat(r.managedArraysBefore()).isPositive();
  }

  /**
   * 1,000 steps: native and heap memory stay flat. A leak of one 64-image batch per step would add
   * about 390 MiB between the halves; allocator noise is a few tens of MiB.
   */
  @Test
  @Tag("slow")
  void thousandStepsKeepMemoryFlat() {
    ThroughputProbe.Report r =
        ThroughputProbe.measure(new ProbeModels.Cifar(), 64, 50, 1000, Device.cpu());
    System.out.println("memory probe: " + r);
    assertThat(r.managedArraysAfter()).isEqualTo(r.managedArraysBefore());
    assertThat(r.rssPeakSecondHalfBytes() - r.rssPeakFirstHalfBytes()).isLessThan(48L << 20);
    assertThat(r.heapAfterBytes() - r.heapBeforeBytes()).isLessThan(32L << 20);
  }
}
