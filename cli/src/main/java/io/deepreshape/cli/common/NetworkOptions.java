package io.deepreshape.cli.common;

import io.deepreshape.cli.UserException;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.SpecIo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --preset P} (repeatable), {@code --spec FILE} (repeatable) and {@code --dataset D}: which networks to use. */
public final class NetworkOptions {
  @Option(names = "--preset", paramLabel = "NAME",
      description = "Preset network (repeatable): resnet18, resnet34, resnet50, resnet20/32/56/110, wrn-<depth>-<k>, "
          + "basech:<m>, stagech:<m>,<f>, hybrenet:<m>,<alpha>,<beta>,<gamma>.")
  List<String> presets = new ArrayList<>();

  @Option(names = "--spec", paramLabel = "FILE", description = "Network spec file, YAML or JSON (repeatable).")
  List<Path> specs = new ArrayList<>();

  @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "cifar100",
      description = "Dataset fixing input size and classes for presets: cifar10, cifar100, tinyimagenet, imagenet, "
          + "fashion-mnist, synthetic (default: ${DEFAULT-VALUE}).")
  String dataset;

  /** The dataset named by {@code --dataset}. */
  public Dataset dataset() {
    return Dataset.parse(dataset);
  }

  /** Whether any {@code --preset} or {@code --spec} was given. */
  public boolean given() {
    return !presets.isEmpty() || !specs.isEmpty();
  }

  /** Every network asked for, presets first then spec files; fails if none was given. */
  public List<NetworkSpec> networks() {
    List<NetworkSpec> out = new ArrayList<>();
    Dataset ds = dataset();
    for (String p : presets) {
      out.add(Presets.build(p, ds));
    }
    for (Path f : specs) {
      out.add(SpecIo.read(f));
    }
    if (out.isEmpty()) {
      throw new UserException("no network given: use --preset NAME or --spec FILE");
    }
    return out;
  }

  /** Exactly one network. */
  public NetworkSpec single() {
    List<NetworkSpec> all = networks();
    if (all.size() != 1) {
      throw new UserException("this command takes one network, got " + all.size());
    }
    return all.get(0);
  }
}
