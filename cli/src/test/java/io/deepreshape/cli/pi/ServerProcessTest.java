package io.deepreshape.cli.pi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}
