package io.deepreshape.cli.pipeline.slurm;

import io.deepreshape.cli.pipeline.WorkUnit;
import io.deepreshape.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Submits a pipeline's missing units to Slurm, and cancels its jobs. */
public final class SlurmExecutor {
  private final Slurm slurm;
  private final PrintWriter log;

  public SlurmExecutor(Slurm slurm, PrintWriter log) {
    this.slurm = slurm;
    this.log = log;
  }

  /** Submits every unit neither done nor queued or running; returns the submissions made. */
  public List<Ledger.Submission> submit(List<WorkUnit> units, SbatchScript.Context c) throws IOException {
    Ledger ledger = Ledger.read(c.out());
    Set<String> done = units.stream().filter(WorkUnit::done).map(WorkUnit::name).collect(Collectors.toSet());
    Map<String, String> active = active(units, ledger);
    List<PlannedJob> plan = JobGraph.plan(units, done, active, slurm.maxArraySize());
    Files.createDirectories(SbatchScript.logDir(c.out()));
    List<String> ids = new ArrayList<>();
    List<Ledger.Submission> made = new ArrayList<>();
    for (PlannedJob job : plan) {
      Set<String> deps = new LinkedHashSet<>(job.afterRunning());
      job.after().forEach(i -> deps.add(ids.get(i)));
      String dependency = deps.isEmpty() ? null : "afterok:" + String.join(":", deps);
      Path script = c.out().resolve("slurm/scripts/" + job.group() + "-" + (ledger.submissions().size() + 1) + ".sh");
      AtomicFiles.writeString(script, SbatchScript.render(job, dependency, c));
      String id = slurm.submit(script);
      ids.add(id);
      Ledger.Submission s = new Ledger.Submission(id, job.group(), job.array(), job.tasks());
      ledger.add(s);
      made.add(s);
      say("submitted " + describe(job) + " as " + (job.array() ? "array job " : "job ") + id
          + (dependency == null ? "" : ", after " + String.join(", ", deps)));
    }
    if (plan.isEmpty()) {
      say("nothing to submit: " + done.size() + " units done, " + active.size() + " queued or running");
    }
    return made;
  }

  /** Cancels every queued or running job of the pipeline; returns their ids. */
  public List<String> cancel(List<WorkUnit> units, Path out) throws IOException {
    List<String> ids = new ArrayList<>(active(units, Ledger.read(out)).values());
    slurm.cancel(ids);
    say(ids.isEmpty() ? "no queued or running jobs to cancel" : "cancelled " + String.join(" ", ids));
    return ids;
  }

  /** The Slurm id of every unit that is not done and whose latest job is still queued or running. */
  Map<String, String> active(List<WorkUnit> units, Ledger ledger) throws IOException {
    Map<String, String> active = new LinkedHashMap<>();
    if (ledger.isEmpty()) {
      return active;
    }
    Map<String, Slurm.Queued> queue = slurm.queue();
    Map<String, Ledger.Placement> latest = ledger.latest();
    for (WorkUnit u : units) {
      Ledger.Placement p = latest.get(u.name());
      if (p != null && !u.done() && queue.containsKey(p.id())) {
        active.put(u.name(), p.id());
      }
    }
    return active;
  }

  private static String describe(PlannedJob job) {
    List<String> names = new ArrayList<>(job.tasks().values());
    return job.group() + (job.part() > 0 ? " part " + (job.part() + 1) : "") + " ("
        + (names.size() <= 4 ? String.join(", ", names) : names.get(0) + " .. " + names.get(names.size() - 1)
            + ", " + names.size() + " units") + ")";
  }

  private void say(String message) {
    log.println("[slurm] " + message);
    log.flush();
  }
}
