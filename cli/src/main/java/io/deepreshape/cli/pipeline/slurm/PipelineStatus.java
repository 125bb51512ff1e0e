package io.deepreshape.cli.pipeline.slurm;

import io.deepreshape.cli.pipeline.WorkUnit;
import io.deepreshape.train.checkpoint.RunDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every unit's state, from its run directory and, for a pipeline submitted to Slurm, from the queue:
 * done, queued, running, failed (its job left the queue without finishing the unit; the last lines of its log
 * follow) or not submitted.
 */
public final class PipelineStatus {
  static final int LOG_LINES = 5;

  /** One unit's row. */
  public record Row(String unit, String state, String job, String detail, List<String> logTail) {}

  private PipelineStatus() {}

  /** The rows; {@code slurm} null reads the run directories only. */
  public static List<Row> of(List<WorkUnit> units, Path out, Slurm slurm) throws IOException {
    Ledger ledger = Ledger.read(out);
    Map<String, Ledger.Placement> latest = ledger.latest();
    Map<String, Slurm.Queued> queue = slurm == null || ledger.isEmpty() ? Map.of() : slurm.queue();
    List<Row> rows = new ArrayList<>();
    for (WorkUnit u : units) {
      Ledger.Placement p = latest.get(u.name());
      String job = p == null ? "" : p.id();
      if (u.done()) {
        rows.add(new Row(u.name(), "done", job, "", List.of()));
      } else if (p == null) {
        rows.add(new Row(u.name(), "not submitted", job, checkpoint(u), List.of()));
      } else if (slurm == null) {
        rows.add(new Row(u.name(), "submitted", job, "queue not read", List.of()));
      } else if (queue.containsKey(p.id())) {
        Slurm.Queued q = queue.get(p.id());
        rows.add(new Row(u.name(), q.running() ? "running" : "queued", job,
            q.running() || q.reason().equals("None") ? "" : q.reason(), List.of()));
      } else {
        String state = slurm.finalState(p.id());
        rows.add(new Row(u.name(), "failed", job, state == null ? "" : state, tail(p.log(out))));
      }
    }
    return rows;
  }

  /** Prints the rows as a table, each failed unit's log tail under it. */
  public static void print(List<Row> rows, PrintWriter w) {
    int width = rows.stream().mapToInt(r -> r.unit().length()).max().orElse(4);
    for (Row r : rows) {
      String line = String.format("%-" + width + "s  %-13s %s", r.unit(), r.state(),
          (r.job().isEmpty() ? "" : "job " + r.job()) + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")"));
      w.println(line.stripTrailing());
      r.logTail().forEach(l -> w.println("    | " + l));
    }
    w.flush();
  }

  private static String checkpoint(WorkUnit u) {
    return new RunDirectory(u.runDir()).hasCheckpoint() ? "has a checkpoint" : "";
  }

  private static List<String> tail(Path log) {
    if (!Files.isRegularFile(log)) {
      return List.of("(no log at " + log + ")");
    }
    try {
      List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank()).toList();
      return lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
