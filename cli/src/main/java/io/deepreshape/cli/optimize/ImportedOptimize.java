package io.deepreshape.cli.optimize;

import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.UserException;
import io.deepreshape.cli.common.OutputFolder;
import io.deepreshape.onnx.importer.ImportedModel;
import io.deepreshape.onnx.importer.OnnxImport;
import io.deepreshape.train.optimize.ImportedOptimization;
import io.deepreshape.train.optimize.Method;
import io.deepreshape.train.optimize.SnlSettings;
import io.deepreshape.train.run.DataSettings;
import io.deepreshape.train.progress.ProgressLine;
import io.deepreshape.train.trainer.TrainConfig;
import io.deepreshape.train.trainer.TrainResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/** {@code optimize --onnx}: SNL on an imported pretrained network ({@link ImportedOptimization}). */
final class ImportedOptimize {
  private ImportedOptimize() {}

  static int run(OptimizeCommand c, Method m) throws IOException {
    if (m != Method.SNL) {
      throw new UserException("--onnx takes --method snl: deepreduce and reuse plan on the stages of a spec's "
          + "network; an imported network's ReLUs are reduced by SNL's per-channel masks");
    }
    if (c.dataset == null) {
      throw new UserException("--onnx needs --dataset NAME, the data the imported network was trained on");
    }
    ImportedModel model = OnnxImport.read(c.onnx);
    OutputFolder.create(c.out, "--out");
    DataSettings data = new DataSettings(c.dataset, c.data == null ? null : c.data.toString(),
        c.trainSubset == null ? 0 : c.trainSubset, c.testSubset == null ? 0 : c.testSubset, 0);
    TrainConfig config = c.training.config(c.epochs, c.lr).toBuilder().kdTemperature(c.kdTemperature)
        .kdWeight(c.kdWeight).build();
    SnlSettings snl = new SnlSettings(c.snlEpochs, c.snlLr, c.snlLambda, c.snlLambdaFactor, c.snlCheckSteps, 0.01);
    PrintWriter err = c.spec.commandLine().getErr();
    ProgressLine progress = new ProgressLine(System.err, c.training.quiet ? ProgressLine.Mode.OFF
        : ProgressLine.Mode.AUTO);
    ImportedOptimization.Outcome o = ImportedOptimization.run(model.graph(), model.weights(), c.budget, data, config,
        snl, c.out, progress, line -> {
          err.println(line);
          err.flush();
        });
    PrintWriter w = c.spec.commandLine().getOut();
    if (o.training() != null && o.training().status() != TrainResult.Status.COMPLETED) {
      w.println("fine-tuning stopped; run the same command again to resume");
      w.flush();
      return ExitCodes.INTERRUPTED;
    }
    w.printf(Locale.ROOT, "%s: %,d ReLUs (budget %,d%s) in %s; export it with: deepreshape export --run %s --out FILE%n",
        o.reduced().name(), o.relus(), c.budget, o.exact() ? ", exactly" : ", the largest count <= budget channels allow",
        c.out, c.out);
    w.flush();
    return ExitCodes.OK;
  }
}
