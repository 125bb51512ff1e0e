package io.deepreshape.cli.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.cli.CliRun;
import io.deepreshape.spec.SpecIo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** {@code optimize} from the command line on a tiny teacher: each method lands on budget; resuming; errors. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OptimizeCommandTest {
  @TempDir
  static Path dir;
  static Path data;
  static Path teacher;

  @BeforeAll
  static void teacher() {
    data = dir.resolve("synth");
    CliRun d = CliRun.of("dataset", "synth", "--train", "128", "--test", "64", "--out", data.toString());
    assertThat(d.exitCode()).as(d.err()).isZero();
    teacher = dir.resolve("teacher");
    CliRun t = CliRun.of("train", "--preset", "hybrenet:8,2,2,2", "--dataset", "synthetic", "--data", data.toString(),
        "--epochs", "1", "--batch-size", "32", "--lr", "0.05", "--out", teacher.toString(), "--quiet");
    assertThat(t.exitCode()).as(t.err()).isZero();
  }

  static CliRun optimize(String method, long budget, String out, String... extra) {
    String[] base = {"optimize", "--run", teacher.toString(), "--method", method, "--relus", String.valueOf(budget),
        "--data", data.toString(), "--epochs", "1", "--batch-size", "32", "--max-steps-per-epoch", "2",
        "--out", dir.resolve(out).toString(), "--quiet"};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRun.of(args);
  }

  @Test
  @Order(1)
  void deepReducePrintsTheResultNextToTheTeacherAndResumes() throws Exception {
    CliRun r = optimize("deepreduce", 20_000, "dr");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("using the default criticality order S3 > S2 > S4 > S1");
    assertThat(r.out()).contains("reduction: cull stem; cull S1; thin S4, S2")
        .containsPattern("teacher \\(hybrenet:8,2,2,2\\) +[0-9.]+% +69,632 +69,632 +8\\.87M")
        .containsPattern("deepreduce \\(hybrenet:8,2,2,2-deepreduce-20000\\) +[0-9.]+% +18,432 +18,432 +8\\.87M");
    assertThat(dir.resolve("dr").resolve("plan.json")).exists();

    CliRun again = optimize("deepreduce", 20_000, "dr");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.err()).contains("plan found in").contains("fine-tuning already finished");
    CliRun other = optimize("reuse", 20_000, "dr");
    assertThat(other.exitCode()).isEqualTo(2);
    assertThat(other.err()).contains("holds a deepreduce run at 20000 ReLUs, not reuse at 20000");
  }

  @Test
  @Order(2)
  void reuseFollowsAGivenOrder() throws Exception {
    // least critical first: S4, S3, S2, S1; reuse:2 on S4, S3, S2 gives 69,632 - 2,048 - 4,096 - 8,192 = 55,296
    CliRun r = optimize("reuse", 56_000, "reuse", "--order", "1,2,3,4");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("reduction: reuse:2 on S4, S3, S2")
        .contains("criticality order: S1 > S2 > S3 > S4 (--order 1,2,3,4)")
        .containsPattern("reuse \\(hybrenet:8,2,2,2-reuse-56000\\) +[0-9.]+% +55,296 +55,296 ");
  }

  @Test
  @Order(3)
  void snlLandsExactlyOnTheBudgetWithChannelMasks() throws Exception {
    CliRun r = optimize("snl", 12_345 - 9, "snl", "--snl-epochs", "2", "--snl-lr", "0.05", "--snl-lambda", "1e-3",
        "--snl-check-steps", "1");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("snl \\(hybrenet:8,2,2,2-snl-12336\\) +[0-9.]+% +12,336 +12,336 ")
        .contains("(exactly the budget)");
    String spec = Files.readString(dir.resolve("snl").resolve("spec.yaml"));
    assertThat(spec).contains("partial:channels=");
    assertThat(Accounting.of(SpecIo.read(dir.resolve("snl").resolve("spec.yaml"))).relus()).isEqualTo(12_336);
  }

  @Test
  @Order(4)
  void impossibleBudgetsAndUnknownMethodsExit2() {
    CliRun reuse = optimize("reuse", 100, "nothing");
    assertThat(reuse.exitCode()).isEqualTo(2);
    assertThat(reuse.err()).contains("ReLU-reuse cannot bring hybrenet:8,2,2,2 to 100 ReLUs");
    CliRun bogus = optimize("prune", 100, "nothing");
    assertThat(bogus.exitCode()).isEqualTo(2);
    assertThat(bogus.err()).contains("method must be deepreduce, reuse or snl");
  }
}
