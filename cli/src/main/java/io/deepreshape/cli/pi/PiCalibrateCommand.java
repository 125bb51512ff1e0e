package io.deepreshape.cli.pi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepreshape.cli.Commands;
import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.UserException;
import io.deepreshape.cli.analyze.ProfileCommand;
import io.deepreshape.cli.common.Format;
import io.deepreshape.cli.common.OutputFolder;
import io.deepreshape.io.AtomicFiles;
import io.deepreshape.latency.Profile;
import io.deepreshape.latency.ProfileFit;
import io.deepreshape.latency.ProfileYaml;
import io.deepreshape.pi.gc.ReluCircuits;
import io.deepreshape.pi.protocol.ClientSession;
import io.deepreshape.pi.protocol.WarmUp;
import io.deepreshape.pi.quant.QuantConfig;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.Presets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pi calibrate}: measures preset networks with {@code pi measure} (random weights, both parties on
 * this machine) and fits a latency profile to them (PI-ENGINE.md section 4), writing it as a profile file.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
    description = {"Measure preset networks with pi measure and fit a latency profile to the measurements: every "
        + "constant of the model (HE per ciphertext and polynomial product, garbling per ReLU, online per ReLU, "
        + "MAC and ReLU layer), with its source, and the measurements as calibration points.",
        "The built-in 'measured' profile is this command's output: regenerate it on a quiet machine with",
        "  deepreshape pi calibrate --out core/src/main/resources/io/deepreshape/latency/measured.yaml \\",
        "    --measurements docs/results/pi-calibration.json"})
public final class PiCalibrateCommand implements Callable<Integer> {
  static final List<String> DEFAULT_FIT = List.of("resnet20@cifar100", "resnet32@cifar100",
      "basech:8@fashion-mnist", "basech:16@fashion-mnist", "hybrenet:4,5,5,2@fashion-mnist", "resnet18@cifar100");
  static final List<String> DEFAULT_HOLD_OUT = List.of("hybrenet:8,3,3,2@fashion-mnist", "resnet56@cifar100");

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--net", paramLabel = "PRESET@DATASET",
      description = "A network to measure and fit, repeatable; offline time has five terms, so give at least five "
          + "networks of different shapes (default: resnet20@cifar100, resnet32@cifar100, basech:8@fashion-mnist, "
          + "basech:16@fashion-mnist, hybrenet:4,5,5,2@fashion-mnist, resnet18@cifar100).")
  List<String> nets;

  @Option(names = "--hold-out", paramLabel = "PRESET@DATASET",
      description = "A network to measure but leave out of the fit, to check it (default: "
          + "hybrenet:8,3,3,2@fashion-mnist, resnet56@cifar100; 'none' for none).")
  List<String> heldOut;

  @Option(names = "--force", description = "Replace the --out file if it exists.")
  boolean force;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "Profile file to write (YAML).")
  Path out;

  @Option(names = "--name", defaultValue = "measured", description = "Profile name (default: ${DEFAULT-VALUE}).")
  String name;

  @Option(names = "--in-process", description = "Both parties as threads of one process over an in-process channel "
      + "(default: two processes over TCP on 127.0.0.1, as pi measure).")
  boolean inProcess;

  @Option(names = "--repeat", defaultValue = "3", description = "Runs per network; the fit uses the median of "
      + "each quantity (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(names = "--measurements", paramLabel = "FILE",
      description = "Also write the measurements (the medians, with where and when) to this JSON file.")
  Path measurementsOut;

  @Option(names = "--refit", paramLabel = "FILE",
      description = "Measure nothing: fit the profile to the measurements of a file written by --measurements.")
  Path refit;

  @Option(names = "--machine", paramLabel = "TEXT", defaultValue = "this machine",
      description = "Words describing the machine, kept in the constants' sources (default: ${DEFAULT-VALUE}).")
  String machine;

  @Override
  public Integer call() throws IOException {
    OutputFolder.refuseReplacingFile(out, force, "--out");
    if (repeat < 1) {
      throw new UserException("--repeat must be >= 1, got " + repeat);
    }
    PrintWriter err = spec.commandLine().getErr();
    List<ProfileFit.Measurement> ms;
    String provenance;
    if (refit != null) {
      Recorded r = Recorded.read(refit);
      ms = r.measurements();
      provenance = r.provenance();
    } else {
      List<String> fit = nets == null || nets.isEmpty() ? DEFAULT_FIT : nets;
      List<String> check = heldOut == null ? DEFAULT_HOLD_OUT
          : heldOut.equals(List.of("none")) ? List.of() : heldOut;
      fit.forEach(PiCalibrateCommand::parse);
      check.forEach(PiCalibrateCommand::parse);
      err.println("warming up (two untimed inferences of " + WarmUp.NETWORK + ", whole and prepared, then in each server process) ...");
      List<List<ProfileFit.Measurement>> runs = measureInRounds(fit, check, err);
      ms = runs.stream().map(PiCalibrateCommand::medians).toList();
      provenance = machine + ", " + LocalDate.now() + (inProcess ? ", in-process channel"
          : ", two processes over TCP loopback") + (repeat > 1 ? ", medians of " + repeat + " rounds" : "");
      if (measurementsOut != null) {
        new Recorded(provenance, ms, runs.stream().flatMap(List::stream).toList()).write(measurementsOut);
        err.println("wrote the measurements to " + measurementsOut);
      }
    }
    Profile p;
    try {
      p = ProfileFit.fit(name, "this project's two-party engine (pi measure) measured on " + provenance
          + "; Delphi's protocol, server garbles", ms, provenance, ClientSession.MEMORY_LIMIT_BYTES, culledFraction(),
          culledFractionSource());
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    }
    String yaml = ProfileYaml.write(p, List.of("Latency profile fitted to measurements of this project's engine.",
        "Generated by: deepreshape pi calibrate" + (nets == null ? "" : " --net ...") + " --out " + out.getFileName()
            + "; regenerate it rather than editing it."));
    AtomicFiles.writeString(out, yaml);
    PrintWriter w = spec.commandLine().getOut();
    w.print(ProfileCommand.calibrationTable(p));
    w.println("wrote " + out);
    w.flush();
    return ExitCodes.OK;
  }

  /** PRESET@DATASET as {preset, dataset}, checked by building the preset. */
  private static String[] parse(String net) {
    int at = net.lastIndexOf('@');
    if (at <= 0 || at == net.length() - 1) {
      throw new UserException("--net/--hold-out '" + net + "': expected PRESET@DATASET, e.g. resnet20@cifar100");
    }
    String[] pd = {net.substring(0, at), net.substring(at + 1)};
    Presets.build(pd[0], Dataset.parse(pd[1]));
    return pd;
  }

  /**
   * Every network once per round, {@code repeat} rounds: a slower or faster stretch of the host then
   * reaches every network alike instead of all the runs of one (one network's runs back to back let the
   * host's drift between networks into the fit). The runs of each network, in the order given.
   */
  private List<List<ProfileFit.Measurement>> measureInRounds(List<String> fit, List<String> check, PrintWriter err) {
    List<String> all = new ArrayList<>(fit);
    all.addAll(check);
    List<List<ProfileFit.Measurement>> runs = new ArrayList<>();
    all.forEach(n -> runs.add(new ArrayList<>()));
    long start = System.nanoTime();
    int total = repeat * all.size();
    for (int r = 0; r < repeat; r++) {
      for (int i = 0; i < all.size(); i++) {
        String net = all.get(i);
        String[] pd = parse(net);
        boolean held = i >= fit.size();
        ProfileFit.Measurement m = measureOnce(net, pd[0], pd[1], held);
        runs.get(i).add(m);
        int done = r * all.size() + i + 1;
        double perRun = (System.nanoTime() - start) / 1e9 / done;
        err.printf(Locale.ROOT, "round %d/%d, %s on %s%s: offline %s, online %s (%d/%d runs, %.0f s per run, ETA %s)%n",
            r + 1, repeat, pd[0], pd[1], held ? " (held out)" : "", Format.seconds(m.offlineS()),
            Format.seconds(m.onlineS()), done, total, perRun, Format.seconds(perRun * (total - done)));
        err.flush();
      }
    }
    if (repeat > 1) {
      for (List<ProfileFit.Measurement> n : runs) {
        err.printf(Locale.ROOT, "%s on %s: medians offline %s, online %s (runs %s offline, %s online)%n",
            n.get(0).preset(), n.get(0).dataset(), Format.seconds(median(n, ProfileFit.Measurement::offlineS)),
            Format.seconds(median(n, ProfileFit.Measurement::onlineS)), range(n, ProfileFit.Measurement::offlineS),
            range(n, ProfileFit.Measurement::onlineS));
      }
    }
    return runs;
  }

  /** A network's runs as one measurement: the median of each quantity. */
  static ProfileFit.Measurement medians(List<ProfileFit.Measurement> runs) {
    ProfileFit.Measurement m = runs.get(0);
    return new ProfileFit.Measurement(m.preset(), m.dataset(), median(runs, ProfileFit.Measurement::offlineS),
        median(runs, ProfileFit.Measurement::onlineS), median(runs, ProfileFit.Measurement::offlineHeS),
        median(runs, ProfileFit.Measurement::offlineBytesUp),
        median(runs, ProfileFit.Measurement::offlineBytesDown), median(runs, ProfileFit.Measurement::onlineBytesUp),
        median(runs, ProfileFit.Measurement::onlineBytesDown), median(runs, ProfileFit.Measurement::clientStorageBytes),
        m.heldOut(), median(runs, ProfileFit.Measurement::onlineLinearS));
  }

  private ProfileFit.Measurement measureOnce(String net, String preset, String dataset, boolean held) {
    // the client runs in this process: start every run from a collected heap, so that no run pays for
    // the garbage of the one before it
    System.gc();
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    // the estimate pi measure prints beside the measurement is not used here: name a profile that exists even
    // while the measured one is being regenerated
    List<String> args = new ArrayList<>(List.of("pi", "measure", "--preset", preset, "--dataset", dataset, "--json",
        "--no-progress", "--profile", "he-gc", "--warm-up"));
    if (inProcess) {
      args.add("--in-process");
    }
    int rc = Commands.build(new PrintWriter(o), new PrintWriter(e)).execute(args.toArray(String[]::new));
    if (rc != ExitCodes.OK) {
      throw new UserException("pi measure on " + net + " failed (exit " + rc + "): " + e.toString().strip());
    }
    JsonNode t;
    try {
      t = new ObjectMapper().readTree(o.toString()).get("total");
    } catch (IOException ex) {
      throw new IllegalStateException("pi measure printed no JSON for " + net, ex);
    }
    return new ProfileFit.Measurement(preset, dataset, t.get("offline_s").asDouble(),
        t.get("online_s").asDouble(), t.get("offline_he_s").asDouble(), t.get("bytes_offline_client_to_server").asDouble(),
        t.get("bytes_offline_server_to_client").asDouble(), t.get("bytes_online_client_to_server").asDouble(),
        t.get("bytes_online_server_to_client").asDouble(), t.get("client_storage_bytes").asDouble(), held,
        t.get("online_linear_s").asDouble());
  }

  /** AND gates of the engine's truncation circuit (a culled ReLU) over those of its ReLU circuit. */
  static double culledFraction() {
    QuantConfig q = QuantConfig.DEFAULT;
    return ReluCircuits.identity(q.l(), q.s()).andGates() / (double) ReluCircuits.relu(q.l(), q.s()).andGates();
  }

  private static String culledFractionSource() {
    QuantConfig q = QuantConfig.DEFAULT;
    return "derived from the engine's circuits at l = " + q.l() + ", s = " + q.s() + ": a culled ReLU still truncates"
        + " and re-masks in a garbled circuit of " + ReluCircuits.identity(q.l(), q.s()).andGates()
        + " AND gates, against " + ReluCircuits.relu(q.l(), q.s()).andGates() + " for a ReLU";
  }

  /**
   * What --measurements writes and --refit reads: the medians the fit uses and every run they came from, in
   * network by network ({@code runs} is absent from files written before it was recorded).
   */
  record Recorded(String provenance, List<ProfileFit.Measurement> measurements, List<ProfileFit.Measurement> runs) {
    private static final ObjectMapper JSON = new ObjectMapper();

    void write(Path file) throws IOException {
      AtomicFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n");
    }

    static Recorded read(Path file) {
      Recorded r;
      try {
        r = JSON.readValue(file.toFile(), Recorded.class);
      } catch (IOException e) {
        throw new UserException("--refit " + file + ": not a measurements file written by pi calibrate --measurements ("
            + e.getMessage().lines().findFirst().orElse("") + ")", e);
      }
      if (r.provenance() == null || r.measurements() == null || r.measurements().isEmpty()) {
        throw new UserException("--refit " + file + ": expected provenance and a non-empty list of measurements");
      }
      return r;
    }
  }

  /** The median (the mean of the middle two for an even count). */
  static double median(List<ProfileFit.Measurement> runs, ToDoubleFunction<ProfileFit.Measurement> f) {
    double[] v = runs.stream().mapToDouble(f).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  private static String range(List<ProfileFit.Measurement> runs, ToDoubleFunction<ProfileFit.Measurement> f) {
    double lo = runs.stream().mapToDouble(f).min().orElse(0);
    double hi = runs.stream().mapToDouble(f).max().orElse(0);
    return Format.seconds(lo) + "-" + Format.seconds(hi);
  }
}
