package io.deepreshape.cli.optimize;

import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.UserException;
import io.deepreshape.cli.common.OutputFolder;
import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.onnx.importer.ImportedModel;
import io.deepreshape.onnx.importer.OnnxImport;
import io.deepreshape.train.optimize.ImportedOptimization;
import io.deepreshape.train.optimize.Method;
import io.deepreshape.train.optimize.SnlSettings;
import io.deepreshape.train.progress.ProgressLine;
import io.deepreshape.train.run.DataSettings;
import io.deepreshape.train.trainer.TrainConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.ParseResult;

/**
 * {@code optimize --onnx}: SNL, DeepReDuce or reuse on an imported pretrained network ({@link
 * ImportedOptimization}). DeepReDuce and reuse take {@code --order} or {@code --criticality FILE} when
 * given, else measure the imported network's stage criticality in {@code RUN_DIR/criticality}.
 */
final class ImportedOptimize {
  private ImportedOptimize() {}

  static int run(OptimizeCommand c, Method m) throws IOException {
    if (c.dataset == null) {
      throw new UserException("--onnx needs --dataset NAME, the data the imported network was trained on");
    }
    ImportedModel model = OnnxImport.read(c.onnx);
    PrintWriter err = c.spec.commandLine().getErr();
    CriticalityOrder order = m == Method.SNL ? null : givenOrder(c, model.graph().depth(), err);
    OutputFolder.create(c.out, "--out");
    DataSettings data = new DataSettings(c.dataset, c.data == null ? null : c.data.toString(),
        c.trainSubset == null ? 0 : c.trainSubset, c.testSubset == null ? 0 : c.testSubset, 0);
    TrainConfig config = c.training.config(c.epochs, c.lr).toBuilder().kdTemperature(c.kdTemperature)
        .kdWeight(c.kdWeight).build();
    SnlSettings snl = new SnlSettings(c.snlEpochs, c.snlLr, c.snlLambda, c.snlLambdaFactor, c.snlCheckSteps, 0.01);
    ProgressLine progress = new ProgressLine(System.err, c.training.quiet ? ProgressLine.Mode.OFF
        : ProgressLine.Mode.AUTO);
    ImportedOptimization.Outcome o = ImportedOptimization.run(new ImportedOptimization.Request(model.graph(),
        model.weights(), m, c.budget, order, data, config, snl, c.out), progress, line -> {
          err.println(line);
          err.flush();
        });
    PrintWriter w = c.spec.commandLine().getOut();
    if (!o.complete()) {
      w.println((o.reduced() == null ? "criticality measurement" : "fine-tuning")
          + " stopped; run the same command again to resume");
      w.flush();
      return ExitCodes.INTERRUPTED;
    }
    w.printf(Locale.ROOT, "%s: %,d ReLUs (budget %,d%s) in %s; export it with: deepreshape export --run %s "
        + "--out FILE%n", o.reduced().name(), o.relus(), c.budget, o.exact() ? ", exactly"
        : ", the largest count <= budget " + granularity(m) + " allow", c.out, c.out);
    if (o.plan() != null) {
      w.println("plan: " + o.plan().description());
    }
    w.flush();
    return ExitCodes.OK;
  }

  /** The order {@code --order} or {@code --criticality} gives, or null (measure it) when neither is given. */
  private static CriticalityOrder givenOrder(OptimizeCommand c, int depth, PrintWriter err) {
    ParseResult given = c.spec.commandLine().getParseResult();
    if (given.hasMatchedOption("--order") || given.hasMatchedOption("--criticality")) {
      return c.criticality.resolve(depth, err);
    }
    return null;
  }

  private static String granularity(Method m) {
    return switch (m) {
      case SNL -> "channels";
      case DEEPREDUCE -> "the removed layers' channels";
      case REUSE -> "the reused layers' group sizes";
    };
  }
}
