package io.deepreshape.train.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private static EpochMetrics metrics() {
    return new EpochMetrics(2, 0.5, 0.8, 0.75, 0.95, 0.6, 0.01, 1234.0, 65.0, 10, 0);
  }

  @Test
  void liveLineShowsLossAccuracyRateAndEta() {
    ProgressLine p = new ProgressLine(out, ProgressLine.Mode.LIVE);
    p.startEpoch(2, 5, 10);
    p.update(4, 1.25, 0.5, 640, 0.5);
    p.update(5, 1.0, 0.5, 640, 0.5); // throttled: within 250 ms of the previous update
    p.endEpoch(metrics());
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).startsWith("\repoch 2/5 [========            ] 4/10 loss 1.2500 acc 50.0%"
        + " 640 img/s ETA 0:03");
    assertThat(text).doesNotContain("5/10");
    assertThat(text).contains("\repoch 2/5 loss 0.5000 train 80.00% test 75.00% top5 95.00%"
        + " lr 0.01000 1234 img/s 1:05");
    assertThat(text).endsWith("\n");
  }

  @Test
  void epochLinesModePrintsOnlyEpochEnds() {
    ProgressLine p = new ProgressLine(out, ProgressLine.Mode.EPOCH_LINES);
    p.startEpoch(2, 5, 10);
    p.update(10, 1.0, 0.5, 640, 0.5);
    p.endEpoch(metrics());
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo("epoch 2/5 loss 0.5000 train 80.00% test 75.00% top5 95.00% lr 0.01000"
            + " 1234 img/s 1:05" + System.lineSeparator());
  }

  @Test
  void aCountPrintsAWholeLineAtEachTenthWhenNotLive() {
    ProgressLine p = new ProgressLine(out, ProgressLine.Mode.EPOCH_LINES);
    ProgressLine.Counter c = p.counter("agreement", 1000, "images");
    for (int done = 1; done <= 1000; done++) {
      c.update(done);
    }
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split(System.lineSeparator());
    assertThat(lines).hasSize(10);
    assertThat(lines[0]).startsWith("agreement [==                  ] 100/1,000 images ").contains(" images/s ETA ");
    assertThat(lines[4]).startsWith("agreement [==========          ] 500/1,000 images ");
    assertThat(lines[9]).startsWith("agreement [====================] 1,000/1,000 images ").doesNotContain("ETA");
  }

  @Test
  void aLiveCountRedrawsOneLineAndEndsIt() {
    ProgressLine p = new ProgressLine(out, ProgressLine.Mode.LIVE);
    ProgressLine.Counter c = p.counter("agreement", 4, "images");
    c.update(1);
    c.update(2); // throttled: within 250 ms of the previous update
    c.update(4);
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).startsWith("\ragreement [=====               ] 1/4 images ").contains(" images/s ETA ");
    assertThat(text).doesNotContain("2/4");
    assertThat(text).contains("\ragreement [====================] 4/4 images ").endsWith(System.lineSeparator());
  }

  @Test
  void messagesStartTheirOwnLineAfterALiveOne() {
    ProgressLine p = new ProgressLine(out, ProgressLine.Mode.LIVE);
    p.counter("agreement", 4, "images").update(1);
    p.message("offline 1/3 conv1: 0.20 s, 1000 bytes");
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains(" ETA ")
        .endsWith(System.lineSeparator() + "offline 1/3 conv1: 0.20 s, 1000 bytes" + System.lineSeparator());
  }

  @Test
  void offPrintsNothing() {
    ProgressLine p = new ProgressLine(out, ProgressLine.Mode.OFF);
    p.counter("agreement", 2, "images").update(2);
    p.message("x");
    p.endEpoch(metrics());
    assertThat(bytes.toByteArray()).isEmpty();
  }

  @Test
  void durations() {
    assertThat(ProgressLine.duration(59.6)).isEqualTo("1:00");
    assertThat(ProgressLine.duration(3725)).isEqualTo("1:02:05");
    assertThat(ProgressLine.duration(Double.NaN)).isEqualTo("--:--");
  }
}
