package io.deepreshape.cli.pi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepreshape.cli.CliRun;
import io.deepreshape.spec.BlockType;
import io.deepreshape.spec.InputShape;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import io.deepreshape.spec.SpecIo;
import io.deepreshape.spec.StemType;
import java.awt.image.BufferedImage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code pi measure}, {@code pi serve} and {@code pi infer} end to end on tiny random networks. */
@Timeout(180)
class PiCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void measureReportsEveryFieldAndMatchesTheReference() throws Exception {
    Path spec = spec("tiny.yaml", Map.of(ReluAddress.of(2, 1, 1), new ReluMode.Reuse(2)));
    CliRun r = CliRun.of("pi", "measure", "--spec", spec.toString(), "--json", "--verify",
        "--in-process");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode o = JSON.readTree(r.out());
    assertThat(o.get("matches_reference").asBoolean()).isTrue();
    JsonNode total = o.get("total");
    for (String f : new String[] {"offline_s", "online_s", "bytes_offline", "bytes_online",
        "client_storage_bytes", "relus", "and_gates", "ots"}) {
      assertThat(total.has(f)).as(f).isTrue();
    }
    assertThat(total.get("relus").asLong()).isEqualTo(4 * 64 * 3 + 8 * 16 + 8 * 16 / 2);
    assertThat(total.get("bytes_offline").asLong()).isPositive();
    assertThat(o.get("layers").size()).isGreaterThan(5);

    CliRun tcp = CliRun.of("pi", "measure", "--spec", spec.toString(), "--verify");
    assertThat(tcp.exitCode()).as(tcp.err()).isZero();
    assertThat(tcp.out()).contains("total").contains("matches reference: true")
        .contains("latency model");

    CliRun twoProcesses = CliRun.of("pi", "measure", "--spec", spec.toString(), "--verify",
        "--json", "--no-progress");
    assertThat(twoProcesses.exitCode()).as(twoProcesses.err()).isZero();
    JsonNode two = JSON.readTree(twoProcesses.out());
    assertThat(two.get("channel").asText()).isEqualTo("tcp-loopback, two processes");
    assertThat(two.get("matches_reference").asBoolean()).isTrue();

    CliRun sameJvm = CliRun.of("pi", "measure", "--spec", spec.toString(), "--verify", "--json",
        "--same-jvm", "--no-progress", "--bandwidth", "1000", "--rtt", "1");
    assertThat(sameJvm.exitCode()).as(sameJvm.err()).isZero();
    assertThat(JSON.readTree(sameJvm.out()).get("matches_reference").asBoolean()).isTrue();
    assertThat(JSON.readTree(sameJvm.out()).get("channel").asText()).isEqualTo("tcp-loopback, one process");

    // an emulated bandwidth needs both parties in this process, and the report says so
    CliRun throttled = CliRun.of("pi", "measure", "--spec", spec.toString(), "--json", "--no-progress",
        "--bandwidth", "1000");
    assertThat(throttled.exitCode()).as(throttled.err()).isZero();
    assertThat(JSON.readTree(throttled.out()).get("channel").asText()).isEqualTo("tcp-loopback, one process");
  }

  @Test
  void measureWithWarmUpStillMatchesTheReferenceAcrossTwoProcesses() throws Exception {
    // --warm-up is passed on to the server process: a pi serve that did not take it would fail
    Path spec = spec("tiny.yaml", Map.of());
    CliRun r = CliRun.of("pi", "measure", "--spec", spec.toString(), "--verify", "--json",
        "--no-progress", "--warm-up");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode o = JSON.readTree(r.out());
    assertThat(o.get("channel").asText()).isEqualTo("tcp-loopback, two processes");
    assertThat(o.get("matches_reference").asBoolean()).isTrue();
  }

  @Test
  void measureRunsAnImageNetStemWithItsMaxPool() throws Exception {
    NetworkSpec s = Presets.fromFactors("tiny-imagenet", new InputShape(3, 16, 16, 5),
        StemType.IMAGENET, BlockType.BASIC, 4, new int[] {1, 1}, new int[] {2});
    Path p = dir.resolve("imagenet.yaml");
    SpecIo.write(s, p);
    CliRun r = CliRun.of("pi", "measure", "--spec", p.toString(), "--json", "--verify",
        "--in-process", "--no-progress");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode o = JSON.readTree(r.out());
    assertThat(o.get("matches_reference").asBoolean()).isTrue();
    assertThat(o.get("layers").get(2).get("name").asText()).isEqualTo("stem.maxpool");
  }

  @Test
  void measureFailsInOneLineOnAnUnknownPreset() {
    CliRun r = CliRun.of("pi", "measure", "--preset", "resnet7");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("unknown preset");
  }

  @Test
  void serveAndInferOverLoopbackSurviveAMismatchedClient() throws Exception {
    Path spec = spec("tiny.yaml", Map.of());
    Path other = spec("other.yaml", Map.of(ReluAddress.of(1, 1, 1), ReluMode.IDENTITY));
    Path png = dir.resolve("img.png");
    BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < 8; i++) {
      for (int j = 0; j < 8; j++) {
        img.setRGB(j, i, (i * 30) << 16 | (j * 30) << 8 | 90);
      }
    }
    ImageIO.write(img, "png", png.toFile());
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String addr = "127.0.0.1:" + port;
    CompletableFuture<CliRun> server = CompletableFuture.supplyAsync(() -> CliRun.of("pi", "serve",
        "--spec", spec.toString(), "--port", String.valueOf(port), "--sessions", "3"));
    CliRun mismatch = retry(() -> CliRun.of("pi", "infer", "--connect", addr, "--image",
        png.toString(), "--spec", other.toString()));
    assertThat(mismatch.exitCode()).isEqualTo(2);
    assertThat(mismatch.err()).contains("network shape mismatch");
    assertThat(mismatch.err().strip().lines().count()).isEqualTo(1);

    CliRun good = CliRun.of("pi", "infer", "--connect", addr, "--image", png.toString());
    assertThat(good.exitCode()).as(good.err()).isZero();
    assertThat(good.out()).containsPattern("class \\d").contains("logits").contains("total");

    CliRun json = CliRun.of("pi", "infer", "--connect", addr, "--image", png.toString(), "--json");
    assertThat(json.exitCode()).as(json.err()).isZero();
    assertThat(JSON.readTree(json.out()).get("total").get("relus").asLong()).isPositive();

    CliRun served = server.get(60, TimeUnit.SECONDS);
    assertThat(served.exitCode()).isZero();
    assertThat(served.out()).contains("serving");
    assertThat(served.err()).contains("network shape mismatch").contains("done in");
  }

  @Test
  void prepareThenInferPreparedGiveTheWholeInferencesLogitsOnceEach() throws Exception {
    Path spec = spec("tiny.yaml", Map.of());
    Path png = dir.resolve("img.png");
    BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < 8; i++) {
      for (int j = 0; j < 8; j++) {
        img.setRGB(j, i, (i * 20) << 16 | (j * 25) << 8 | 40);
      }
    }
    ImageIO.write(img, "png", png.toFile());
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String addr = "127.0.0.1:" + port;
    String store = dir.resolve("prepared").toString();
    CompletableFuture<CliRun> server = CompletableFuture.supplyAsync(() -> CliRun.of("pi", "serve",
        "--spec", spec.toString(), "--port", String.valueOf(port), "--sessions", "6",
        "--prepared-max", "2"));
    CliRun whole = retry(() -> CliRun.of("pi", "infer", "--connect", addr, "--image",
        png.toString()));
    assertThat(whole.exitCode()).as(whole.err()).isZero();
    CliRun prep = CliRun.of("pi", "prepare", "--connect", addr, "--count", "2", "--dir", store);
    assertThat(prep.exitCode()).as(prep.err()).isZero();
    assertThat(prep.out()).contains("prepared 1/2: session").contains("prepared 2/2: session");
    String logits = whole.out().lines().filter(l -> l.startsWith("logits")).findFirst().orElseThrow();
    for (int k = 0; k < 2; k++) {
      String[] args = {"pi", "infer", "--connect", addr, "--image", png.toString(), "--prepared", "--dir", store};
      CliRun r = k == 0 ? CliRun.of(args) : CliRun.of(withWarmUp(args));
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).contains(logits).contains("online from prepared material:");
      if (k == 1) {
        assertThat(r.err()).contains("warmed up in").contains("basech:4");
      }
    }
    CliRun none = CliRun.of("pi", "infer", "--connect", addr, "--image", png.toString(),
        "--prepared", "--dir", store);
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("no prepared session for tiny").contains("run 'pi prepare'");
    assertThat(server.get(60, TimeUnit.SECONDS).exitCode()).isZero();
  }

  @Test
  void inferWithoutAServerFailsInOneLine() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    CliRun r = CliRun.of("pi", "infer", "--connect", "127.0.0.1:" + port, "--image",
        dir.resolve("none.png").toString(), "--timeout", "2");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: cannot connect");
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
  }

  private Path spec(String name, Map<ReluAddress, ReluMode> modes) throws Exception {
    NetworkSpec s = Presets.fromFactors("tiny", new InputShape(3, 8, 8, 5), StemType.CIFAR,
        BlockType.BASIC, 4, new int[] {1, 1}, new int[] {2}).withReluModes(modes);
    Path p = dir.resolve(name);
    SpecIo.write(s, p);
    return p;
  }

  /** Runs {@code call} until the server is up (connection refused otherwise). */
  private static CliRun retry(java.util.function.Supplier<CliRun> call) throws Exception {
    CliRun r = call.get();
    for (int i = 0; i < 100 && r.err().contains("cannot connect"); i++) {
      Thread.sleep(100);
      r = call.get();
    }
    return r;
  }

  private static String[] withWarmUp(String[] args) {
    String[] out = Arrays.copyOf(args, args.length + 1);
    out[args.length] = "--warm-up";
    return out;
  }
}
