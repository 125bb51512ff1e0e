package io.deepreshape.cli.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.deepreshape.accounting.Accounting;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.cli.report.TrainedNetwork;
import io.deepreshape.design.Candidate;
import io.deepreshape.latency.LatencyModel;
import io.deepreshape.latency.NetworkSetting;
import io.deepreshape.latency.Profile;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.train.optimize.PlanFile;
import io.deepreshape.train.run.RunFiles;
import io.deepreshape.train.run.TestScore;
import io.deepreshape.train.trainer.EpochMetrics;
import io.deepreshape.train.trainer.RunDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The final networks of a finished pipeline as report rows, per seed: the teacher (the baseline with all
 * its ReLUs), the chosen HybReNet at each budget, and every ReLU optimization of every input network.
 * The test split is read here, once per run, after every choice was made.
 */
final class PipelineRows {
  /** The design choice at a budget. */
  interface ChoiceSource {
    Choices.Choice at(long budget) throws IOException;
  }

  private final PipelineConfig c;
  private final Path out;
  private final Profile profile;
  private final NetworkSetting network;
  private final List<String> absent = new ArrayList<>();

  PipelineRows(PipelineConfig c, Path out, Profile profile, NetworkSetting network) {
    this.c = c;
    this.out = out;
    this.profile = profile;
    this.network = network;
  }

  /** Rows for every finished final network; {@code latency} null leaves measured latency out. */
  List<TrainedNetwork> collect(ChoiceSource choices, EngineLatency latency) throws IOException {
    List<TrainedNetwork> rows = new ArrayList<>();
    for (long seed : c.seeds()) {
      rows.add(row("baseline", "baseline", 0, seed, WorkUnits.teacherRun(out, seed), null, latency));
      for (long budget : c.budgets()) {
        Path hyb = seed == c.firstSeed() ? out.resolve(choices.at(budget).winner().run())
            : WorkUnits.hybrenetReplicaRun(out, seed, budget);
        rows.add(row("hybrenet", "hybrenet", budget, seed, hyb, null, latency));
      }
      for (long budget : c.budgets()) {
        for (String input : c.inputs()) {
          for (String method : c.methods()) {
            Path run = WorkUnits.methodRun(out, seed, method, input, budget);
            var why = Absent.reason(run);
            if (why.isPresent()) {
              absent.add(String.format(java.util.Locale.ROOT, "%s on %s at %,d ReLUs (seed %d): %s", method, input,
                  budget, seed, why.get()));
              continue;
            }
            rows.add(row(method, input, budget, seed, run, WorkUnits.inputRun(out, seed, input, budget), latency));
          }
        }
      }
    }
    return rows;
  }

  /** Optimizations that had nothing to do, in words (filled by {@link #collect}). */
  List<String> absent() {
    return List.copyOf(absent);
  }

  private TrainedNetwork row(String method, String input, long budget, long seed, Path run, Path inputRun,
      EngineLatency latency) throws IOException {
    NetworkSpec spec = RunFiles.spec(run);
    NetworkCost cost = Accounting.of(spec);
    Double measured = latency == null ? null : latency.of(run);
    return new TrainedNetwork(spec.name(), method, input, budget, seed, cost.relus(), cost.flops(), cost.params(),
        LatencyModel.estimate(cost, profile, network).totalS(), measured, epochsFromInit(run, inputRun), lastVal(run),
        TestScore.of(run).top1(), rel(run.resolve(RunFiles.SPEC)), rel(run));
  }

  /**
   * Epochs from random initialisation, counted from the files: this run's epochs, plus, for a ReLU
   * optimization, its input network's ({@code inputRun}) and SNL's mask-search epochs.
   */
  static int epochsFromInit(Path run, Path inputRun) throws IOException {
    int epochs = new RunDirectory(run).readMetrics().size();
    if (inputRun != null) {
      epochs += new RunDirectory(inputRun).readMetrics().size();
      JsonNode search = PlanFile.read(run).details().get("search_epochs");
      epochs += search == null ? 0 : search.asInt();
    }
    return epochs;
  }

  static Double lastVal(Path run) throws IOException {
    List<EpochMetrics> m = new RunDirectory(run).readMetrics();
    return m.isEmpty() ? null : m.get(m.size() - 1).valTop1();
  }

  /** A finished design candidate as a choice entry (its validation top-1 decides). */
  static Choices.Entry entry(Path run, Path out, Candidate cand, Profile profile, NetworkSetting network)
      throws IOException {
    NetworkSpec spec = RunFiles.spec(run);
    NetworkCost cost = Accounting.of(spec);
    Double val = lastVal(run);
    if (val == null) {
      throw new IllegalStateException(run + " recorded no validation accuracy");
    }
    return new Choices.Entry(spec.name(), cand.member(), cand.plan().label(), cost.relus(),
        LatencyModel.estimate(cost, profile, network).totalS(), val,
        out.relativize(run.toAbsolutePath().normalize()).toString());
  }

  private String rel(Path p) {
    return out.relativize(p.toAbsolutePath().normalize()).toString();
  }
}
