package io.deepreshape.cli.common;

import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.SpecIo;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --preset NAME | --spec FILE}: one network, as the options of an exclusive {@code @ArgGroup}.
 * A command that also takes a trained run or an ONNX model extends it with those options, so that
 * picocli refuses any two of them together.
 */
public class PresetOrSpec {
  @Option(names = "--preset", paramLabel = "NAME", description = "Preset network: resnet18, resnet34, resnet50, "
      + "resnet20/32/56/110, wrn-<depth>-<k>, basech:<m>, stagech:<m>,<f>, hybrenet:<m>,<alpha>,<beta>,<gamma>.")
  protected String preset;

  @Option(names = "--spec", paramLabel = "FILE", description = "Network spec file (YAML or JSON).")
  protected Path specFile;

  /** Whether {@code --preset} or {@code --spec} was the choice. */
  public boolean isSpec() {
    return preset != null || specFile != null;
  }

  /** The choice as command-line arguments (a spec file by its absolute path), for a command in another process. */
  public List<String> specArgs() {
    return specFile != null ? List.of("--spec", specFile.toAbsolutePath().toString()) : List.of("--preset", preset);
  }

  /** The network: the spec file, or the preset built for {@code dataset}. */
  public NetworkSpec spec(Dataset dataset) {
    return specFile != null ? SpecIo.read(specFile) : Presets.build(preset, dataset);
  }
}
