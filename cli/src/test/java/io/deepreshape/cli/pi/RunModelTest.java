package io.deepreshape.cli.pi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.deepreshape.pi.channel.ChannelConfig;
import io.deepreshape.pi.protocol.InferenceResult;
import io.deepreshape.pi.protocol.LocalRun;
import io.deepreshape.pi.protocol.ServerInfo;
import io.deepreshape.pi.quant.PlainReference;
import io.deepreshape.pi.quant.QuantConfig;
import io.deepreshape.pi.quant.QuantNetwork;
import io.deepreshape.spec.BlockType;
import io.deepreshape.spec.InputShape;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import io.deepreshape.spec.StemType;
import io.deepreshape.train.run.DataSettings;
import io.deepreshape.train.run.RunFiles;
import io.deepreshape.train.run.SpecModelFactory;
import io.deepreshape.train.trainer.ModelHandle;
import io.deepreshape.train.checkpoint.RunDirectory;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run directory's DJL parameters (random values for every parameter, batch-norm statistics
 * included, saved in the trainer's format) load into the folded float network, whose logits equal
 * the DJL model's inference-mode forward pass; the quantised network served securely reproduces
 * the plaintext reference exactly.
 */
@Timeout(120)
class RunModelTest {
  @TempDir
  Path dir;

  @Test
  void aRunsParametersFoldIntoTheSameFunctionAsTheDjlModel() throws Exception {
    check(Presets.fromFactors("tiny", new InputShape(3, 8, 8, 5), StemType.CIFAR, BlockType.BASIC,
        4, new int[] {1, 1}, new int[] {2}).withReluModes(Map.of(ReluAddress.of(2, 1, 1),
        new ReluMode.Reuse(3), ReluAddress.of(1, 1, 2), new ReluMode.PartialFraction(0.5))));
  }

  @Test
  void wideAndBottleneckRunsLoadByNodeAddress() throws Exception {
    check(Presets.fromFactors("tiny-wide", new InputShape(3, 8, 8, 5), StemType.WIDE,
        BlockType.WIDE, 4, new int[] {1, 1}, new int[] {2}));
    check(Presets.fromFactors("tiny-bottleneck", new InputShape(3, 8, 8, 5), StemType.CIFAR,
        BlockType.BOTTLENECK, 2, new int[] {1, 1}, new int[] {2}));
  }

  private void check(NetworkSpec spec) throws Exception {
    Path run = Files.createDirectories(dir.resolve(spec.name()));
    RunFiles.write(run, spec, new DataSettings("cifar10", null, 0, 0, 1));
    SplittableRandom rnd = new SplittableRandom(17);
    float[] image = new float[3 * 8 * 8];
    for (int i = 0; i < image.length; i++) {
      image[i] = (float) rnd.nextDouble(-2, 2);
    }
    float[] djl;
    try (ModelHandle h = ModelHandle.create(new SpecModelFactory(spec), Device.cpu(), 3)) {
      for (Pair<String, Parameter> p : h.block().getParameters()) {
        NDArray a = p.getValue().getArray();
        float[] v = new float[(int) a.size()];
        boolean variance = p.getKey().endsWith("runningVar");
        boolean gamma = p.getKey().endsWith("gamma");
        for (int i = 0; i < v.length; i++) {
          v[i] = variance || gamma ? (float) rnd.nextDouble(0.5, 1.5)
              : (float) rnd.nextDouble(-0.4, 0.4);
        }
        a.set(v);
      }
      try (OutputStream out = Files.newOutputStream(run.resolve(RunDirectory.FINAL_PARAMS))) {
        h.saveParameters(out);
      }
      NDArray x = h.manager().create(image, new Shape(1, 3, 8, 8));
      djl = h.forward(x, false).toFloatArray();
    }
    RunModel m = RunModel.load(run);
    double[] in = new double[image.length];
    for (int i = 0; i < in.length; i++) {
      in[i] = image[i];
    }
    double[] mine = PlainReference.floatLogits(m.network(), in);
    assertThat(mine).hasSize(djl.length);
    for (int i = 0; i < djl.length; i++) {
      assertThat(mine[i]).as("%s logit %d", spec.name(), i)
          .isCloseTo(djl[i], within(1e-3 + 1e-3 * Math.abs(djl[i])));
    }
    QuantNetwork q = QuantNetwork.quantize(m.network(), QuantConfig.DEFAULT);
    ServerInfo info = new ServerInfo(spec, q.config(), "cifar10", m.normalization().mean(),
        m.normalization().std());
    InferenceResult r = LocalRun.run(q, info, in, true, new ChannelConfig(1 << 28, 30_000), null);
    assertThat(r.logits()).isEqualTo(PlainReference.signedLogits(q, q.quantizeInput(in)));
    assertThat(r.predicted()).isEqualTo(PlainReference.argmax(mine));
  }
}
