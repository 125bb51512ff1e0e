package io.deepreshape.cli.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepreshape.cli.CliRun;
import io.deepreshape.onnx.importer.ImportedModel;
import io.deepreshape.onnx.importer.OnnxImport;
import io.deepreshape.pi.quant.FloatNetwork;
import io.deepreshape.pi.quant.PlainReference;
import io.deepreshape.pi.quant.ProgramBuilder;
import java.awt.image.BufferedImage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An imported model in the engine: its program, {@code pi bench --verify}, and {@code pi serve} with {@code pi infer}. */
class PiOnnxTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /**
   * The engine's float program of the imported graph (batch norms and convolution biases folded,
   * average pooling folded into the classifier) gives PyTorch's logits within 1e-4.
   */
  @ParameterizedTest
  @ValueSource(strings = {"tiny-resnet", "cifar-basic", "imagenet-bottleneck", "branch-net", "separable-net"})
  void theEnginesFloatProgramGivesPyTorchsLogits(String name) {
    ImportedModel m = OnnxImport.read(Fixtures.model(name));
    FloatNetwork f = ProgramBuilder.build(m.graph(), m.weights());
    JsonNode want = Fixtures.record(name);
    for (int k = 0; k < want.get("images").asInt(); k++) {
      float[] img = Fixtures.image(k, f.inputElements());
      double[] x = new double[img.length];
      for (int i = 0; i < x.length; i++) {
        x[i] = img[i];
      }
      double[] got = PlainReference.floatLogits(f, x);
      for (int c = 0; c < got.length; c++) {
        assertThat(got[c]).as("%s image %d class %d", name, k, c).isCloseTo(want.get("logits").get(k).get(c).asDouble(),
            within(1e-4));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tiny-resnet", "separable-net"})
  void benchVerifiesTheSecureInferenceAgainstTheReference(String name) throws Exception {
    CliRun r = CliRun.of("pi", "bench", "--onnx", Fixtures.model(name).toString(), "--verify", "--json",
        "--in-process", "--no-progress");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode o = JSON.readTree(r.out());
    assertThat(o.get("matches_reference").asBoolean()).isTrue();
    assertThat(o.get("network").asText()).isEqualTo(name);
  }

  @Test
  @Tag("slow")
  void serveAnnouncesTheImportedShapeAndInferInsistsOnIt() throws Exception {
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
    String model = Fixtures.model("tiny-resnet").toString();
    CompletableFuture<CliRun> server = CompletableFuture.supplyAsync(() -> CliRun.of("pi", "serve",
        "--onnx", model, "--port", String.valueOf(port), "--sessions", "2"));
    CliRun shapeFromServer = retry(() -> CliRun.of("pi", "infer", "--connect", addr, "--image", png.toString(),
        "--json"));
    assertThat(shapeFromServer.exitCode()).as(shapeFromServer.err()).isZero();
    assertThat(JSON.readTree(shapeFromServer.out()).get("total").get("relus").asLong())
        .isEqualTo(Fixtures.record("tiny-resnet").get("relus").asLong());
    CliRun insisting = CliRun.of("pi", "infer", "--connect", addr, "--image", png.toString(), "--onnx", model);
    assertThat(insisting.exitCode()).as(insisting.err()).isZero();
    CliRun served = server.get(60, TimeUnit.SECONDS);
    assertThat(served.exitCode()).as(served.err()).isZero();
    assertThat(served.out()).contains("tiny-resnet");
  }

  private static CliRun retry(java.util.function.Supplier<CliRun> call) throws Exception {
    CliRun r = call.get();
    for (int i = 0; i < 100 && r.err().contains("cannot connect"); i++) {
      Thread.sleep(100);
      r = call.get();
    }
    return r;
  }
}
