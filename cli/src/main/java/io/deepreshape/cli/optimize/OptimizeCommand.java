package io.deepreshape.cli.optimize;

import io.deepreshape.cli.ExitCodes;
import io.deepreshape.cli.UserException;
import io.deepreshape.cli.common.OutputFolder;
import io.deepreshape.cli.common.ProfileOptions;
import io.deepreshape.cli.common.TrainingOptions;
import io.deepreshape.cli.design.CriticalityOptions;
import io.deepreshape.criticality.CriticalityOrder;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.train.optimize.Method;
import io.deepreshape.train.optimize.PlanFile;
import io.deepreshape.train.optimize.ReluOptimization;
import io.deepreshape.train.optimize.SnlSettings;
import io.deepreshape.train.run.DataSettings;
import io.deepreshape.train.run.RunChecks;
import io.deepreshape.train.run.RunFiles;
import io.deepreshape.train.progress.ProgressLine;
import io.deepreshape.train.trainer.TrainConfig;
import io.deepreshape.train.trainer.TrainResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code optimize}: reduces a trained network to a ReLU budget with DeepReDuce (Jha et al., ICML 2021),
 * ReLU-reuse (DEEPRESHAPE.md section 6.3) or SNL (Cho et al., ICML 2022), then fine-tunes it with
 * knowledge distillation from the teacher run, and compares the result with the teacher.
 */
@Command(name = "optimize", mixinStandardHelpOptions = true,
    description = {"Reduce a trained network's ReLUs to a budget and fine-tune it with distillation from it "
        + "(DEEPRESHAPE.md sections 4 and 6):",
        "  deepreduce  cull, then thin, the least critical stages (DeepReDuce) until the network is at or under B;",
        "  reuse       ReLU-reuse with the smallest group size r = 2, 4, 8, ... on the least critical stages that "
        + "meets B;",
        "  snl         Selective Network Linearization: a trainable per-channel ReLU/identity mask on every ReLU "
        + "layer, an L1 penalty raised until the live count reaches B, then exactly the budget's largest masks "
        + "kept (partial:channels= modes) when channel sizes allow.",
        "Fine-tuning starts from the teacher's weights (snl: from the mask-trained weights). The plan is saved as "
        + "RUN_DIR/plan.json before fine-tuning; running the same command again resumes without redoing "
        + "finished work."})
public final class OptimizeCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--run", paramLabel = "TEACHER_RUN", description = "Finished run to reduce and distil from.")
  Path teacher;

  @Option(names = "--onnx", paramLabel = "FILE", description = "Instead of --run: a pretrained network imported "
      + "from an ONNX model (with --dataset); deepreduce and reuse measure its stage criticality in "
      + "RUN_DIR/criticality unless --order or --criticality is given.")
  Path onnx;

  @Option(names = "--dataset", paramLabel = "NAME", description = "With --onnx: the dataset it was trained on.")
  String dataset;

  @Option(names = "--method", paramLabel = "M", required = true, description = "deepreduce, reuse or snl.")
  String method;

  @Option(names = "--relus", paramLabel = "B", required = true, description = "ReLU budget.")
  long budget;

  @Mixin
  CriticalityOptions criticality;

  @Option(names = "--data", paramLabel = "DIR", description = "Dataset folder (default: the teacher run's).")
  Path data;

  @Option(names = "--out", paramLabel = "RUN_DIR", required = true, description = "Run directory of the result.")
  Path out;

  @Option(names = "--epochs", defaultValue = "100", description = "Fine-tuning epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--lr", defaultValue = "0.01",
      description = "Fine-tuning peak learning rate, cosine decay (default: ${DEFAULT-VALUE}).")
  double lr;

  @Option(names = "--kd-temperature", defaultValue = "4", description = "KD temperature (default: ${DEFAULT-VALUE}).")
  double kdTemperature;

  @Option(names = "--kd-weight", defaultValue = "0.9", description = "KD soft-loss weight (default: ${DEFAULT-VALUE}).")
  double kdWeight;

  @Option(names = "--train-subset", description = "Train on N random training images (default: the teacher's).")
  Integer trainSubset;

  @Option(names = "--test-subset", description = "Evaluate on N random test images (default: the teacher's).")
  Integer testSubset;

  @Option(names = "--snl-epochs", defaultValue = "20",
      description = "snl: most epochs of the mask search (default: ${DEFAULT-VALUE}).")
  int snlEpochs;

  @Option(names = "--snl-lr", defaultValue = "1e-3", description = "snl: Adam learning rate of the mask search "
      + "(default: ${DEFAULT-VALUE}).")
  double snlLr;

  @Option(names = "--snl-lambda", defaultValue = "1e-5", description = "snl: initial L1 weight (default: "
      + "${DEFAULT-VALUE}).")
  double snlLambda;

  @Option(names = "--snl-lambda-factor", defaultValue = "1.1",
      description = "snl: lambda multiplier when the live count stalls (default: ${DEFAULT-VALUE}).")
  double snlLambdaFactor;

  @Option(names = "--snl-check-steps", defaultValue = "0",
      description = "snl: check the live count every N steps (0 = at each epoch end, as the official code).")
  int snlCheckSteps;

  @Option(names = "--force", description = "Replace files in RUN_DIR that are not an earlier run of this optimization.")
  boolean force;

  @Mixin
  TrainingOptions training;

  @Mixin
  ProfileOptions profile;

  /** The result folder may be new or an earlier run of this optimization, never the teacher or another run. */
  private void checkOut() throws IOException {
    if (Files.exists(out) && Files.isSameFile(out, teacher)) {
      throw new UserException("--out " + out + " is the teacher run; choose another folder for the result");
    }
    if (PlanFile.exists(out)) {
      return;
    }
    if (Files.isRegularFile(out.resolve(RunFiles.SPEC))) {
      throw new UserException("--out " + out + " holds a run of " + RunFiles.spec(out).name()
          + " that is not a result of optimize; choose another folder");
    }
    List<String> files = new ArrayList<>(RunChecks.RUN_FILES);
    files.add(PlanFile.NAME);
    OutputFolder.refuseReplacing(out, files, force, "--out");
    OutputFolder.create(out, "--out");
    if (force) {
      RunChecks.removeRunFiles(out);
    }
  }

  @Override
  public Integer call() throws IOException {
    Method m = Method.parse(method);
    if ((teacher == null) == (onnx == null)) {
      throw new UserException("give the network to reduce as --run TEACHER_RUN or --onnx FILE (one of them)");
    }
    if (onnx != null) {
      return ImportedOptimize.run(this, m);
    }
    NetworkSpec teacherSpec = RunFiles.spec(teacher);
    checkOut();
    DataSettings settings = RunFiles.data(teacher);
    if (data != null) {
      settings = settings.withDataDir(data);
    }
    settings = new DataSettings(settings.dataset(), settings.dataDir(),
        trainSubset == null ? settings.trainSubset() : trainSubset,
        testSubset == null ? settings.testSubset() : testSubset, settings.subsetSeed());
    PrintWriter err = spec.commandLine().getErr();
    CriticalityOrder order = m == Method.SNL ? null : criticality.resolve(teacherSpec.depth(), err);
    TrainConfig config = training.config(epochs, lr).toBuilder().kdTemperature(kdTemperature).kdWeight(kdWeight)
        .build();
    SnlSettings snl = new SnlSettings(snlEpochs, snlLr, snlLambda, snlLambdaFactor, snlCheckSteps, 0.01);
    ProgressLine progress = new ProgressLine(System.err,
        training.quiet ? ProgressLine.Mode.OFF : ProgressLine.Mode.AUTO);
    ReluOptimization.Outcome o = ReluOptimization.run(
        new ReluOptimization.Request(teacher, m, budget, order, settings, config, snl, out), progress, line -> {
          err.println(line);
          err.flush();
        });
    PrintWriter w = spec.commandLine().getOut();
    if (o.training() != null && o.training().status() != TrainResult.Status.COMPLETED) {
      w.println("fine-tuning stopped; run the same command again to resume");
      w.flush();
      return ExitCodes.INTERRUPTED;
    }
    OptimizeReport.print(w, o.plan(), teacher, out, settings, profile.profile(), profile.network());
    return ExitCodes.OK;
  }
}
