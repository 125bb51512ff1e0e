package io.deepreshape.cli.pipeline.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch script of one planned job. It runs {@code LAUNCHER run FILE --out OUT --unit UNIT} (the unit
 * chosen by {@code SLURM_ARRAY_TASK_ID} in an array) in the background and waits for it. Slurm sends
 * {@code USR1} to the script {@code signalSeconds} before the time limit ({@code --signal=B:USR1@S}): the
 * script passes SIGTERM to the run, which checkpoints at its next step (the trainer's shutdown hook), and
 * requeues the job, which then resumes from the checkpoint. A plain SIGTERM (scancel) is passed on without
 * requeueing.
 */
public final class SbatchScript {
  /** What the scripts of one pipeline share. */
  public record Context(String pipelineName, Path pipelineFile, Path out, SlurmSettings settings) {}

  private SbatchScript() {}

  /** The script text; {@code dependency} is the ready {@code afterok:...} value or null. */
  public static String render(PlannedJob job, String dependency, Context c) {
    SlurmSettings s = c.settings();
    List<String> opts = new ArrayList<>();
    opts.add("--job-name=" + jobName(c.pipelineName(), job.group()));
    opts.add("--output=" + logPattern(c.out(), job));
    opts.add("--open-mode=append");
    if (job.array()) {
      opts.add("--array=" + job.arraySpec(s.arrayParallelism()));
    }
    if (s.partition() != null) {
      opts.add("--partition=" + s.partition());
    }
    if (s.gpusPerJob() > 0) {
      opts.add("--gres=gpu:" + s.gpusPerJob());
    }
    if (s.cpusPerJob() > 0) {
      opts.add("--cpus-per-task=" + s.cpusPerJob());
    }
    if (s.mem() != null) {
      opts.add("--mem=" + s.mem());
    }
    if (s.time() != null) {
      opts.add("--time=" + s.time());
    }
    opts.add("--signal=B:USR1@" + s.signalSeconds());
    opts.add("--requeue");
    if (dependency != null) {
      opts.add("--dependency=" + dependency);
      opts.add("--kill-on-invalid-dep=yes");
    }
    opts.addAll(s.sbatchArgs());

    StringBuilder b = new StringBuilder("#!/bin/bash\n");
    b.append("# deepreshape pipeline ").append(c.pipelineName()).append(", ").append(job.group())
        .append(job.array() ? " units by array task" : " unit").append(" (written by run --executor slurm)\n");
    opts.forEach(o -> b.append("#SBATCH ").append(o).append('\n'));
    b.append("units=(");
    job.tasks().forEach((i, name) -> b.append('[').append(i).append("]=").append(name).append(' '));
    b.setLength(b.length() - 1);
    b.append(")\n");
    b.append("unit=\"${units[").append(job.array() ? "$SLURM_ARRAY_TASK_ID" : job.tasks().firstKey()).append("]}\"\n");
    b.append("echo \"[slurm] job $SLURM_JOB_ID unit $unit on $(hostname -s)"
        + " (restart ${SLURM_RESTART_COUNT:-0})\"\n");
    b.append(quote(s.launcher())).append(" run ").append(quote(c.pipelineFile().toString())).append(" --out ")
        .append(quote(c.out().toString())).append(" --unit \"$unit\" --quiet &\n");
    // the last task of an array has the array's own job id: requeue the task, never the whole array
    b.append("self=").append(job.array() ? "\"${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}\"" : "\"$SLURM_JOB_ID\"")
        .append('\n');
    b.append("""
        child=$!
        requeue=0
        trap 'requeue=1; kill -TERM "$child" 2>/dev/null' USR1
        trap 'kill -TERM "$child" 2>/dev/null' TERM
        while true; do
          wait "$child"; rc=$?
          kill -0 "$child" 2>/dev/null || break
        done
        if [ "$requeue" = 1 ]; then
          echo "[slurm] time limit near: checkpointed, requeueing job $self"
          scontrol requeue "$self"
        fi
        exit "$rc"
        """);
    return b.toString();
  }

  /** The job name: {@code drs-PIPELINE-GROUP}. */
  public static String jobName(String pipelineName, String group) {
    return "drs-" + pipelineName + "-" + group;
  }

  /** Where Slurm writes a job's output ({@code %A_%a} for arrays, {@code %j} for plain jobs). */
  static String logPattern(Path out, PlannedJob job) {
    return logDir(out).resolve(job.group() + (job.array() ? "-%A_%a.log" : "-%j.log")).toString();
  }

  /** The log of one unit's job once submitted: {@code jobId} is the array's or the plain job's id. */
  public static Path logFile(Path out, String group, String jobId, Integer task) {
    return logDir(out).resolve(group + "-" + jobId + (task == null ? "" : "_" + task) + ".log");
  }

  static Path logDir(Path out) {
    return out.resolve("slurm/logs");
  }

  /** Single-quotes a word for bash. */
  static String quote(String word) {
    return "'" + word.replace("'", "'\"'\"'") + "'";
  }
}
