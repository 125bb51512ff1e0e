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

/**
 * Runs a ReLU optimization (DeepReDuce, SNL, ReLU-reuse) on an input network at a budget, fine-tuned with
 * distillation from the seed's teacher. The fine-tuning gets the epochs the input network left of the
 * pipeline's total; SNL spends up to half of them on its mask search and fine-tunes for the rest.
 */
final class BaselineMethods {
  private BaselineMethods() {}

  private static void say(PrintWriter log, String method, long budget, String message) {
    log.println("[" + method + " " + budget + "] " + message);
    log.flush();
  }

  /** SNL's mask-search epochs out of {@code epochs}. */
  static int snlSearchEpochs(int epochs) {
    return Math.max(1, epochs / 2);
  }

  /** Plans, fine-tunes with KD (or finds both already done) and returns the reduced spec. */
  static NetworkSpec run(String method, Path input, Path teacher, long budget, Criticality crit, DataSettings data,
      TrainConfig epochs, Path runDir, ProgressLine progress, PrintWriter log) throws IOException {
    Method m = Method.parse(method);
    int search = m == Method.SNL ? snlSearchEpochs(epochs.epochs()) : 0;
    TrainConfig finetune = epochs.toBuilder().epochs(epochs.epochs() - search).build();
    SnlSettings snl = SnlSettings.defaults(Math.max(1, search));
    ReluOptimization.Outcome o;
    try {
      o = ReluOptimization.run(new ReluOptimization.Request(input, m, budget, crit.order(), data, finetune, snl, runDir,
          teacher), progress, line -> say(log, method, budget, line));
    } catch (TrainingDivergedException e) {
      double lr = finetune.learningRate() / 10;
      say(log, method, budget, e.getMessage() + "; restarting the fine-tuning at learning rate " + lr);
      Divergence.clearTraining(runDir);
      o = ReluOptimization.run(new ReluOptimization.Request(input, m, budget, crit.order(), data,
          finetune.toBuilder().learningRate(lr).build(), snl, runDir, teacher), progress,
          line -> say(log, method, budget, line));
    }
    if (!FinishedRuns.finished(runDir)) {
      throw new Pipeline.Interrupted(method + " at " + budget + " ReLUs was interrupted; run the pipeline again");
    }
    return o.plan().spec();
  }
}
