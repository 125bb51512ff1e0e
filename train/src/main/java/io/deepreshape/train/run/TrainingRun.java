package io.deepreshape.train.run;

import ai.djl.Device;
import io.deepreshape.error.UserInputException;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.graph.WeightSource;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.train.trainer.DeviceSelector;
import io.deepreshape.train.trainer.EvalResult;
import io.deepreshape.train.trainer.Evaluator;
import io.deepreshape.train.trainer.ModelHandle;
import io.deepreshape.train.progress.ProgressLine;
import io.deepreshape.train.checkpoint.RunDirectory;
import io.deepreshape.train.trainer.Teacher;
import io.deepreshape.train.trainer.TrainConfig;
import io.deepreshape.train.trainer.TrainResult;
import io.deepreshape.train.trainer.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Trains (or resumes) a spec on a dataset into a run directory, optionally distilling from a teacher run. */
public final class TrainingRun {
  private TrainingRun() {}

  /**
   * Starts a new run, or resumes {@code runDir} when it already holds a checkpoint of the same spec and
   * training settings (anything else is refused, see {@link RunChecks#requireResumable}).
   * The spec, data settings and teacher are written first, so an interrupted run can always be resumed
   * (a resumed distillation run finds its teacher in the run directory).
   */
  public static TrainResult train(NetworkSpec spec, DataSettings data, TrainConfig config, Path teacherRun,
      Path runDir, ProgressLine progress) throws IOException {
    return train(NetworkGraph.of(spec), data, config, teacherRun, runDir, progress);
  }

  /** As {@link #train(NetworkSpec, DataSettings, TrainConfig, Path, Path, ProgressLine)} for any graph (an imported one's too). */
  public static TrainResult train(NetworkGraph graph, DataSettings data, TrainConfig config, Path teacherRun,
      Path runDir, ProgressLine progress) throws IOException {
    RunDirectory dir = new RunDirectory(runDir);
    boolean resume = dir.hasCheckpoint();
    if (resume) {
      RunChecks.requireResumable(runDir, graph, config);
    }
    if (resume && teacherRun == null) {
      teacherRun = RunFiles.teacher(runDir);
    }
    RunChecks.requireMemory(graph, config.batchSize());
    if (teacherRun != null) {
      requireFinished(teacherRun);
    }
    RunData opened = RunData.open(data, graph.input());
    RunFiles.write(runDir, graph, data);
    RunFiles.writeTeacher(runDir, teacherRun);
    Device device = DeviceSelector.select();
    Teacher teacher = teacherRun == null ? null : teacher(teacherRun, device);
    try {
      Trainer.Builder b = Trainer.builder(new GraphModelFactory(graph), opened.trainSource(config.batchSize(), config.seed()))
          .evalSource(opened.evalSource(Math.max(config.batchSize(), 256))).device(device).progress(progress);
      if (teacher != null) {
        b.teacher(teacher);
      }
      Trainer trainer = b.build();
      return resume ? trainer.resume(runDir) : trainer.start(runDir, config);
    } finally {
      if (teacher != null) {
        teacher.close();
      }
    }
  }

  /** Loads a finished run's teacher model (its spec and final parameters). */
  public static Teacher teacher(Path teacherRun, Device device) throws IOException {
    NetworkGraph graph = requireFinished(teacherRun);
    return Teacher.fromParameters(new GraphModelFactory(graph), new RunDirectory(teacherRun).finalParamsFile(),
        device);
  }

  /** The network of a finished teacher run; fails naming the run when it is none or has not finished. */
  private static NetworkGraph requireFinished(Path teacherRun) {
    NetworkGraph graph = RunFiles.graph(teacherRun);
    Path params = new RunDirectory(teacherRun).finalParamsFile();
    if (!Files.isRegularFile(params)) {
      throw new UserInputException("teacher run " + teacherRun + " has no final parameters ("
          + params.getFileName() + "); finish or resume it first");
    }
    return graph;
  }

  /** Evaluates a network with the parameters {@code weights} gives (an imported model's) on {@code data}'s test split. */
  public static EvalResult evaluate(NetworkGraph graph, WeightSource weights, DataSettings data) {
    RunData opened = RunData.open(data, graph.input());
    try (ModelHandle model = GraphModelFactory.withWeights(graph, weights, DeviceSelector.select())) {
      return Evaluator.evaluate(model, opened.testSource(256));
    }
  }

  /** Evaluates a run's final parameters on its test split (or on {@code data} when given). */
  public static EvalResult evaluate(Path runDir, DataSettings data) throws IOException {
    NetworkGraph graph = RunFiles.graph(runDir);
    DataSettings settings = data != null ? data : RunFiles.data(runDir);
    Path params = new RunDirectory(runDir).finalParamsFile();
    if (!Files.isRegularFile(params)) {
      throw new UserInputException(runDir + " has no final parameters yet; resume the run to finish it");
    }
    RunData opened = RunData.open(settings, graph.input());
    try (ModelHandle model = ModelHandle.load(new GraphModelFactory(graph), DeviceSelector.select(), params)) {
      return Evaluator.evaluate(model, opened.testSource(256));
    }
  }
}
