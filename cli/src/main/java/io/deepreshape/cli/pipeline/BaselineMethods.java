package io.deepreshape.cli.pipeline;

import io.deepreshape.train.optimize.FinishedRuns;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.train.optimize.Method;
import io.deepreshape.train.optimize.ReluOptimization;
import io.deepreshape.train.optimize.SnlSettings;
import io.deepreshape.train.run.DataSettings;
import io.deepreshape.train.trainer.ProgressLine;
import io.deepreshape.train.trainer.TrainConfig;
import io.deepreshape.train.trainer.TrainingDivergedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Runs a baseline ReLU-optimization method (DeepReDuce, SNL, ReLU-reuse) on the baseline teacher at a budget. */
final class BaselineMethods {
  private BaselineMethods() {}

  private static void say(PrintWriter log, String method, long budget, String message) {
    log.println("[" + method + " " + budget + "] " + message);
    log.flush();
  }

  /** Plans, fine-tunes with KD (or finds both already done) and returns the reduced spec. */
  static NetworkSpec run(String method, Path teacher, long budget, Criticality crit, DataSettings data,
      TrainConfig finetune, Path runDir, ProgressLine progress, PrintWriter log) throws IOException {
    ReluOptimization.Request req = new ReluOptimization.Request(teacher, Method.parse(method), budget, crit.order(),
        data, finetune, SnlSettings.defaults(Math.max(2, finetune.epochs())), runDir);
    ReluOptimization.Outcome o;
    try {
      o = ReluOptimization.run(req, progress, m -> say(log, method, budget, m));
    } catch (TrainingDivergedException e) {
      double lr = finetune.learningRate() / 10;
      say(log, method, budget, e.getMessage() + "; restarting the fine-tuning at learning rate " + lr);
      Divergence.clearTraining(runDir);
      req = new ReluOptimization.Request(teacher, Method.parse(method), budget, crit.order(), data,
          finetune.toBuilder().learningRate(lr).build(), req.snl(), runDir);
      o = ReluOptimization.run(req, progress, m -> say(log, method, budget, m));
    }
    if (!FinishedRuns.finished(runDir)) {
      throw new Pipeline.Interrupted(method + " at " + budget + " ReLUs was interrupted; run the pipeline again");
    }
    return o.plan().spec();
  }
}
