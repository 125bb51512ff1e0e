package io.deepreshape.cli.pi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class ServerProcessTest {
  private static final List<String> PARENT = List.of("-Xmx8g", "-Xms3g",
      "-XX:+AlwaysPreTouch", "-Xss2m", "-javaagent:/opt/agent.jar", "-Dsecret=1",
      "-agentlib:jdwp=transport=dt_socket", "-Xmn1g");

  @Test
  void theServerGetsTheHeapLimitAndTheMemorySettingsButNoAgentsOrProperties() {
    List<String> cmd = ServerProcess.childCommand("java", PARENT, 8192, null, "cp.jar",
        List.of("--preset", "resnet18"));
    int main = cmd.indexOf("io.deepreshape.cli.Main");
    List<String> jvm = cmd.subList(1, main);
    assertThat(jvm).containsExactly("-Xmx8192m", "-Xms3g", "-XX:+AlwaysPreTouch", "-Xss2m",
        "-Xmn1g", "-Dai.djl.offline=true", "-cp", "cp.jar");
    assertThat(cmd.subList(main + 1, cmd.size())).containsExactly("pi", "serve", "--bind",
        "127.0.0.1", "--port", "0", "--sessions", "1", "--preset", "resnet18");
  }

  @Test
  void aSmallHeapIsRaisedTo256MiBAndTheThreadSettingIsPassedOn() {
    List<String> cmd = ServerProcess.childCommand("java", List.of(), 100, "2", "cp.jar",
        List.of());
    assertThat(cmd).contains("-Xmx256m", "-Ddeepreshape.pi.threads=2")
        .noneMatch(a -> a.startsWith("-XX:"));
  }

  @Test
  void linesAJvmOptionPrintsBeforeTheServingLineAreSkipped() {
    LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>(List.of(
        "[0.455s][info][jfr,startup] Started recording 1.", "",
        "serving resnet18 (random weights, shape 1a2b, l=37, s=12, 557,056 ReLUs) on 127.0.0.1:40123"));
    Matcher m = ServerProcess.awaitServing(lines, TimeUnit.SECONDS.toNanos(5));
    assertThat(m).isNotNull();
    assertThat(m.group(1)).isEqualTo("40123");
  }

  @Test
  void outputEndingOrStayingSilentWithoutAServingLineGivesNothing() {
    LinkedBlockingQueue<String> ended = new LinkedBlockingQueue<>(List.of("Error: could not"
        + " create the Java Virtual Machine.", ServerProcess.END, "serving x on 127.0.0.1:1"));
    assertThat(ServerProcess.awaitServing(ended, TimeUnit.SECONDS.toNanos(5))).isNull();
    long t0 = System.nanoTime();
    long wait = TimeUnit.MILLISECONDS.toNanos(200);
    assertThat(ServerProcess.awaitServing(new LinkedBlockingQueue<>(), wait)).isNull();
    assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(wait);
  }
}
