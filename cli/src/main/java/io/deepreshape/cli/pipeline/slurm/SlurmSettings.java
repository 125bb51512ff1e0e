package io.deepreshape.cli.pipeline.slurm;

import java.util.List;

/**
 * What every job of a pipeline asks Slurm for. Null or 0 leaves a setting to the site's defaults.
 *
 * @param signalSeconds how long before its time limit a job is told to checkpoint and requeue itself
 * @param sbatchArgs further sbatch options, one {@code --name=value} each
 * @param launcher the command each job runs (the project's bin/deepreshape)
 */
public record SlurmSettings(String partition, int gpusPerJob, int cpusPerJob, String mem, String time,
    int arrayParallelism, int signalSeconds, List<String> sbatchArgs, String launcher) {

  public SlurmSettings {
    sbatchArgs = List.copyOf(sbatchArgs);
    check(gpusPerJob >= 0, "--gpus-per-job", "an integer >= 0", gpusPerJob);
    check(cpusPerJob >= 0, "--cpus-per-job", "an integer >= 1", cpusPerJob);
    check(arrayParallelism >= 0, "--array-parallelism", "an integer >= 1", arrayParallelism);
    check(signalSeconds >= 1, "--signal-before", "seconds >= 1", signalSeconds);
    check(partition == null || partition.matches("[A-Za-z0-9_.,-]+"), "--partition", "a partition name", partition);
    check(mem == null || mem.matches("[0-9]+[KMGT]?"), "--mem", "a size such as 16G or 4000M", mem);
    check(time == null || time.matches("[0-9:-]+"), "--time", "a Slurm time such as 4:00:00 or 1-12:00:00", time);
    for (String a : sbatchArgs) {
      check(a.startsWith("-") && !a.matches(".*\\s.*"), "--sbatch-arg", "one sbatch option without spaces, e.g. "
          + "--account=lab or --qos=long", a);
    }
    check(launcher != null && !launcher.isBlank(), "--launcher", "a command", launcher);
  }

  private static void check(boolean ok, String option, String expected, Object value) {
    if (!ok) {
      throw new IllegalArgumentException(option + " must be " + expected + ", was " + value);
    }
  }
}
