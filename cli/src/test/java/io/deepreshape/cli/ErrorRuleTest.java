package io.deepreshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** User mistakes exit 2 in one line; anything else is an internal error, exit 1, stack trace only with --debug. */
class ErrorRuleTest {
  private static String[] report(Throwable ex, boolean debug) {
    StringWriter text = new StringWriter();
    int code = Commands.report(ex, new PrintWriter(text), debug);
    return new String[] {String.valueOf(code), text.toString()};
  }

  @Test
  void aPlainIllegalArgumentExceptionIsInternal() {
    String[] r = report(new IllegalArgumentException("index 7 out of range"), false);
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[1].lines().toList()).containsExactly(
        "internal error: IllegalArgumentException: index 7 out of range"
            + " (a bug; rerun with --debug for the stack trace)");
  }

  @Test
  void debugAddsTheStackTrace() {
    String[] r = report(new IllegalStateException("broken"), true);
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[1]).startsWith("internal error: IllegalStateException: broken\n").contains("\tat ");
  }

  @Test
  void aUserErrorIsOneLineAndExitTwo() {
    String[] r = report(new UserException("--epochs must be >= 1\nsecond line"), false);
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1].lines().toList()).containsExactly("error: --epochs must be >= 1; second line");
  }

  @Test
  void runningOutOfMemoryIsExplainedWithoutAStackTrace() {
    String[] r = report(new OutOfMemoryError("Java heap space"), false);
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1].lines().toList()).hasSize(1);
    assertThat(r[1]).contains("out of memory (Java heap space)").contains("--batch-size").doesNotContain("\tat ");
  }

  @Test
  void versionOnASubcommandPrintsTheVersion() {
    CliRun r = CliRun.of("analyze", "-V");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out().strip()).isEqualTo("deepreshape 0.1.0");
    assertThat(CliRun.of("pi", "measure", "-V").out().strip()).isEqualTo("deepreshape 0.1.0");
  }
}
