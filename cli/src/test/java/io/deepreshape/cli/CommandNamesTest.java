package io.deepreshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * One name per thing: "bench" is the JMH module only; {@code pi measure} and {@code throughput} are listed,
 * and the earlier spellings {@code bench}, {@code bench train} and {@code pi bench} still run the same
 * commands without being listed.
 */
class CommandNamesTest {
  @Test
  void theHelpListsTheNewNamesAndNotTheOldOnes() {
    String root = CliRun.of("--help").out();
    assertThat(root).containsPattern("(?m)^\\s+throughput\\s+").doesNotContainPattern("(?m)^\\s+bench\\b");
    String pi = CliRun.of("pi", "--help").out();
    assertThat(pi).containsPattern("(?m)^\\s+measure\\s+Run client and server on this machine")
        .doesNotContainPattern("(?m)^\\s+bench\\b");
    String throughput = CliRun.of("throughput", "--help").out();
    assertThat(throughput).containsPattern("(?m)^\\s+accounting\\s+Accounting throughput")
        .containsPattern("(?m)^\\s+train\\s+Training throughput");
  }

  @Test
  void theOldSpellingsRunTheRenamedCommands() {
    CliRun bench = CliRun.of("bench", "--seconds", "-1");
    assertThat(bench.exitCode()).isEqualTo(2);
    assertThat(bench.err()).startsWith("error: --seconds must be a number > 0, was -1.0");
    CliRun benchTrain = CliRun.of("bench", "train", "--help");
    assertThat(benchTrain.exitCode()).isZero();
    assertThat(benchTrain.out()).startsWith("Usage: deepreshape bench train ").contains("--steps");
    CliRun piBench = CliRun.of("pi", "bench", "--rtt", "-5", "--preset", "resnet20");
    assertThat(piBench.exitCode()).isEqualTo(2);
    assertThat(piBench.err()).startsWith("error: --rtt must be a number of milliseconds >= 0, was -5.0");
    assertThat(CliRun.of("pi", "bench", "--help").out()).startsWith("Usage: deepreshape pi bench ")
        .contains("--verify").contains("--agreement");
  }

  @Test
  void aCommandGroupWithoutItsSubcommandSaysWhichExist() {
    CliRun pi = CliRun.of("pi");
    assertThat(pi.exitCode()).isEqualTo(2);
    assertThat(pi.err()).startsWith("error: a subcommand is required: serve, prepare, infer, measure or calibrate");
  }
}
