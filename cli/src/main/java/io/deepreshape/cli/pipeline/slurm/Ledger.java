package io.deepreshape.cli.pipeline.slurm;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.deepreshape.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The pipeline's record of its Slurm submissions ({@code OUT/slurm/jobs.json}), appended after every
 * sbatch and written atomically, so a re-run, {@code --status} and {@code --cancel} know the jobs from any
 * machine that sees the output folder.
 */
public final class Ledger {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One sbatch: its job id, group, and unit by array task (task 0 of a plain job). */
  public record Submission(String job, String group, boolean array, SortedMap<Integer, String> tasks) {
    /** The Slurm id of one unit's job: {@code JOB_TASK} in an array, {@code JOB} for a plain job. */
    public String idOf(int task) {
      return array ? job + "_" + task : job;
    }
  }

  /** Where the last submission of a unit went. */
  public record Placement(Submission submission, int task) {
    public String id() {
      return submission.idOf(task);
    }

    public Path log(Path out) {
      return SbatchScript.logFile(out, submission.group(), submission.job(), submission.array() ? task : null);
    }
  }

  private final Path file;
  private final List<Submission> submissions;

  private Ledger(Path file, List<Submission> submissions) {
    this.file = file;
    this.submissions = submissions;
  }

  public static Path fileIn(Path out) {
    return out.resolve("slurm/jobs.json");
  }

  /** The ledger of {@code out}, empty when the pipeline was never submitted. */
  public static Ledger read(Path out) throws IOException {
    Path f = fileIn(out);
    if (!Files.isRegularFile(f)) {
      return new Ledger(f, new ArrayList<>());
    }
    try {
      return new Ledger(f, new ArrayList<>(JSON.readValue(f.toFile(), new TypeReference<List<Submission>>() {})));
    } catch (IOException e) {
      throw new IllegalArgumentException(f + " is not a job ledger written by run --executor slurm: " + e.getMessage());
    }
  }

  public boolean isEmpty() {
    return submissions.isEmpty();
  }

  public List<Submission> submissions() {
    return List.copyOf(submissions);
  }

  /** Records a submission and writes the file. */
  public void add(Submission s) throws IOException {
    submissions.add(s);
    Files.createDirectories(file.getParent());
    AtomicFiles.write(file, o -> o.write(JSON.writeValueAsBytes(submissions)));
  }

  /** The latest placement of every unit ever submitted, by unit name. */
  public Map<String, Placement> latest() {
    Map<String, Placement> m = new LinkedHashMap<>();
    for (Submission s : submissions) {
      s.tasks().forEach((task, unit) -> m.put(unit, new Placement(s, task)));
    }
    return m;
  }
}
