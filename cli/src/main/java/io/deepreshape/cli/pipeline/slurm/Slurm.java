package io.deepreshape.cli.pipeline.slurm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/** The Slurm commands the executor uses. */
public interface Slurm {
  /** A job in the queue: its state (PENDING, RUNNING, ...) and Slurm's reason. */
  record Queued(String state, String reason) {
    public boolean running() {
      return state.equals("RUNNING") || state.equals("COMPLETING");
    }
  }

  /** Submits a batch script; returns the job id (the array's for an array). */
  String submit(Path script) throws IOException;

  /** Every job of this user in the queue by id ({@code JOB} or {@code JOB_TASK} for array tasks). */
  Map<String, Queued> queue() throws IOException;

  /** The final state of a job that left the queue (FAILED, CANCELLED, TIMEOUT, ...), or null when Slurm forgot it. */
  String finalState(String id) throws IOException;

  /** Cancels jobs by id. */
  void cancel(Collection<String> ids) throws IOException;

  /** The cluster's MaxArraySize. */
  int maxArraySize() throws IOException;
}
