package io.deepreshape.cli.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deepreshape.accounting.Accounting;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.UserException;
import io.deepreshape.cli.common.Format;
import io.deepreshape.cli.common.Json;
import io.deepreshape.cli.common.ProfileOptions;
import io.deepreshape.cli.common.Table;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.latency.LatencyEstimate;
import io.deepreshape.latency.LatencyModel;
import io.deepreshape.onnx.importer.ImportedModel;
import io.deepreshape.onnx.importer.OnnxImport;
import io.deepreshape.train.data.Datasets;
import io.deepreshape.train.run.DataSettings;
import io.deepreshape.train.run.RunFiles;
import io.deepreshape.train.run.TrainingRun;
import io.deepreshape.train.trainer.EvalResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code eval}: a run's test accuracy next to its ReLUs, FLOPs and estimated PI latency. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluate a finished run on its test set: top-1, top-5, ReLUs, FLOPs and estimated PI latency.")
public final class EvalCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "The network (one of):%n")
  Source network;

  /** A trained run, or an imported ONNX model with its weights. */
  static final class Source {
    @Option(names = "--run", paramLabel = "RUN_DIR", description = "Run directory.")
    Path run;

    @Option(names = "--onnx", paramLabel = "FILE", description = "A network imported from an ONNX model with its "
        + "weights (inputs normalised as deepreshape trains; with --dataset).")
    Path onnx;
  }

  @Option(names = "--dataset", paramLabel = "NAME", description = "With --onnx: the dataset to evaluate on.")
  String dataset;

  @Option(names = "--data", paramLabel = "DIR", description = "Dataset folder (default: the one the run used).")
  Path data;

  @Option(names = "--json", description = "Machine-readable output.")
  boolean json;

  @Mixin
  ProfileOptions profile;

  @Override
  public Integer call() throws IOException {
    Path run = network.run;
    Path onnx = network.onnx;
    NetworkGraph net;
    DataSettings settings;
    EvalResult r;
    if (onnx != null) {
      if (dataset == null) {
        throw new UserException("--onnx needs --dataset NAME");
      }
      ImportedModel m = OnnxImport.read(onnx);
      net = m.graph();
      settings = new DataSettings(Datasets.canonical(dataset), data == null ? null : data.toString(), 0, 0, 0);
      r = TrainingRun.evaluate(net, m.weights(), settings);
    } else {
      net = RunFiles.graph(run);
      settings = RunFiles.data(run);
      if (data != null) {
        settings = settings.withDataDir(data);
      }
      r = TrainingRun.evaluate(run, settings);
    }
    NetworkCost cost = Accounting.of(net);
    LatencyEstimate e = LatencyModel.estimate(cost, profile.profile(), profile.network());
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = Json.object();
      o.put("name", net.name());
      o.put("dataset", settings.dataset());
      o.put("samples", r.samples());
      o.put("top1", r.top1());
      if (r.top5() != null) {
        o.put("top5", r.top5());
      }
      o.put("loss", r.loss());
      o.put("relus", cost.relus());
      o.put("flops", cost.macs());
      o.put("params", cost.params());
      o.put("latency", e.totalS());
      o.put("profile", profile.profile().name());
      w.println(Json.write(o));
    } else {
      Table t = new Table("network", "dataset", "images", "top-1", "top-5", "ReLUs", "FLOPs", "latency");
      t.row(net.name(), settings.dataset(), r.samples(), String.format(Locale.ROOT, "%.2f%%", 100 * r.top1()),
          r.top5() == null ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * r.top5()), Format.count(cost.relus()),
          Format.si(cost.macs()), Format.seconds(e.totalS()));
      w.print(t.render());
    }
    w.flush();
    return ExitCodes.OK;
  }
}
