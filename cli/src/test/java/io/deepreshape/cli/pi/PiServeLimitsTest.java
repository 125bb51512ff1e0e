package io.deepreshape.cli.pi;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.cli.CliRun;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The limits of {@code pi serve} and {@code pi infer} on the command line (issue 15): stated in
 * {@code --help}, refused in one line with exit code 2 when zero, negative or too large, and a
 * client over the server's limit is told in one line that the server is busy, with exit code 75.
 */
@Timeout(120)
class PiServeLimitsTest {
  @ParameterizedTest
  @CsvSource({
      "serve, --handshake-timeout, 0", "serve, --handshake-timeout, -1",
      "serve, --queue-timeout, 0", "serve, --offline-timeout, 0", "serve, --online-timeout, -5",
      "serve, --timeout, 0", "serve, --timeout, 2147484", "serve, --queue, 0", "serve, --threads, 0",
      "serve, --sessions, -1", "serve, --kernel-cache, -1", "infer, --timeout, 0",
      "infer, --timeout, -3"})
  void zeroNegativeOrHugeLimitsAreRefusedInOneLine(String command, String option, String value) {
    CliRun r = command.equals("serve")
        ? CliRun.of("pi", "serve", "--preset", "resnet20", "--dataset", "cifar10", option, value)
        : CliRun.of("pi", "infer", "--connect", "127.0.0.1:1", "--image", "none.png", option, value);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: " + option + " must be").contains(value);
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
    assertThat(r.err()).doesNotContainIgnoringCase("millis");
  }

  @Test
  void helpStatesEveryLimit() {
    CliRun r = CliRun.of("pi", "serve", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("--handshake-timeout", "--queue-timeout", "--offline-timeout",
        "--online-timeout", "--timeout", "--queue", "--threads", "busy", "1 KiB", "--kernel-cache");
    CliRun infer = CliRun.of("pi", "infer", "--help");
    assertThat(infer.out()).contains("75").contains("busy");
  }

  @Test
  void aClientOverTheLimitIsToldTheServerIsBusy() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    CompletableFuture<CliRun> server = CompletableFuture.supplyAsync(() -> CliRun.of("pi", "serve",
        "--preset", "resnet20", "--dataset", "cifar10", "--port", String.valueOf(port),
        "--threads", "1", "--queue", "1", "--handshake-timeout", "60", "--sessions", "2"));
    List<Socket> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        idle.add(acceptedIdle(port));
      }
      CliRun r = CliRun.of("pi", "infer", "--connect", "127.0.0.1:" + port, "--image", "none.png");
      assertThat(r.exitCode()).as(r.err()).isEqualTo(PiInferCommand.BUSY);
      assertThat(r.err()).startsWith("error: server busy: ").contains("try again later");
      assertThat(r.err().strip().lines().count()).isEqualTo(1);
    } finally {
      for (Socket s : idle) {
        s.close();
      }
    }
    CliRun served = server.get(60, TimeUnit.SECONDS);
    assertThat(served.exitCode()).as(served.err()).isZero();
    assertThat(served.err()).contains("turned away").contains("client closed the connection");
  }

  /** A connection the server has accepted (it sent its greeting) and that then stays silent. */
  private static Socket acceptedIdle(int port) throws Exception {
    for (int attempt = 0; ; attempt++) {
      try {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(30_000);
        new DataInputStream(s.getInputStream()).readFully(new byte[8]);
        return s;
      } catch (ConnectException e) {
        if (attempt > 300) {
          throw e;
        }
        Thread.sleep(100);
      } catch (IOException e) {
        throw new AssertionError("the server did not greet", e);
      }
    }
  }
}
