package io.deepreshape.cli.analyze;

import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.common.Format;
import io.deepreshape.cli.common.Table;
import io.deepreshape.latency.Calibration;
import io.deepreshape.latency.Constant;
import io.deepreshape.latency.Profile;
import io.deepreshape.latency.Profiles;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code profile NAME|FILE}: a latency profile's constants with their sources and its calibration error. */
@Command(name = "profile", mixinStandardHelpOptions = true,
    description = "Show a latency profile: every constant with its source, and the model's error against the "
        + "measurements the profile lists. Built-in: he-gc, he-gc-client-garbler, relu-only, measured.")
public final class ProfileCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME|FILE", defaultValue = "he-gc", description = "Profile (default: he-gc).")
  String name;

  @Override
  public Integer call() {
    Profile p = Profiles.load(name);
    PrintWriter out = spec.commandLine().getOut();
    out.println(p.name() + ": " + p.description() + " (garbler: " + p.garbler() + ")");
    out.println();
    for (Map.Entry<String, Constant> e : p.constants().entrySet()) {
      out.printf(Locale.ROOT, "%-30s %10s  %s%n", e.getKey(), trim(e.getValue().value()), e.getValue().source());
    }
    if (!p.calibration().isEmpty()) {
      out.println();
      out.print(calibrationTable(p));
      out.println("measurements on loopback; sources in the profile file");
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** The profile's measurements next to the model's estimates, fitted or held out. */
  public static String calibrationTable(Profile p) {
    Table t = new Table("network", "role", "measured offline", "model offline", "error", "measured online",
        "model online", "error");
    for (Calibration.Row r : Calibration.check(p)) {
      t.row(r.point().preset() + "/" + r.point().dataset(), r.point().heldOut() ? "held out" : "fitted",
          Format.seconds(r.point().offlineSeconds()), Format.seconds(r.estimate().offlineS()), signed(r.offlineError()),
          Format.seconds(r.point().onlineSeconds()), Format.seconds(r.estimate().onlineS()), signed(r.onlineError()));
    }
    return t.render();
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  private static String signed(double e) {
    return String.format(Locale.ROOT, "%+.1f%%", 100 * e);
  }
}
