package io.deepreshape.cli.analyze;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.UserException;
import io.deepreshape.latency.LatencyModel;
import io.deepreshape.latency.NetworkSetting;
import io.deepreshape.latency.Profile;
import io.deepreshape.latency.Profiles;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code throughput accounting}: how many ResNet18-sized specs per second one thread builds, counts and
 * costs. Design sweeps call these functions millions of times.
 */
@Command(name = "accounting", mixinStandardHelpOptions = true,
    description = "Accounting throughput on one thread: specs per second (build + graph + count), stage-ReLU counts "
        + "per second, and latency estimates per second, for ResNet18-sized networks.")
public final class AccountingThroughputCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--seconds", defaultValue = "3", description = "Measured seconds per figure (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Override
  public Integer call() {
    if (!(seconds > 0) || Double.isInfinite(seconds)) {
      throw new UserException("--seconds must be a number > 0, was " + seconds);
    }
    PrintWriter out = spec.commandLine().getOut();
    Profile profile = Profiles.defaultProfile();
    NetworkSetting net = Profiles.network("loopback");
    NetworkSpec[] specs = new NetworkSpec[64];
    for (int i = 0; i < specs.length; i++) {
      specs[i] = Presets.build("hybrenet:" + (16 + i) + ",2,2,2", Dataset.CIFAR100);
    }
    long sink = 0;
    sink += measure(out, "warm-up", Math.max(2.0, seconds), i -> Accounting.of(specs[i % 64]).relus());
    sink += measure(out, "full accounting (per-layer rows)", seconds, i -> Accounting.of(specs[i % 64]).relus());
    sink += measure(out, "stage ReLU counts", seconds, i -> Accounting.stageRelus(specs[i % 64])[2]);
    sink += measure(out, "spec build + accounting + latency", seconds, i -> {
      NetworkSpec s = Presets.build("hybrenet:" + (16 + i % 64) + ",5,5,3", Dataset.CIFAR100);
      NetworkCost c = Accounting.of(s);
      return (long) LatencyModel.estimate(c, profile, net).totalS();
    });
    out.println("(checksum " + (sink & 0xff) + ")");
    out.flush();
    return ExitCodes.OK;
  }

  private static long measure(PrintWriter out, String label, double seconds, java.util.function.IntToLongFunction f) {
    long sink = 0;
    long n = 0;
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long now;
    do {
      for (int k = 0; k < 256; k++) {
        sink += f.applyAsLong((int) n++);
      }
      now = System.nanoTime();
    } while (now < end);
    double rate = n / ((now - start) / 1e9);
    if (!label.equals("warm-up")) {
      out.printf(Locale.ROOT, "%-36s %,12.0f specs/s (1 thread)%n", label, rate);
    }
    return sink;
  }
}
