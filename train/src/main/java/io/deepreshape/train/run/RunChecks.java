package io.deepreshape.train.run;

import io.deepreshape.error.UserInputException;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.train.trainer.CheckpointFile;
import io.deepreshape.train.trainer.RunDirectory;
import io.deepreshape.train.trainer.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * What must hold before a run directory is resumed, and how a user starts it over without losing it:
 * the same network (spec and its recorded hash), a readable checkpoint and the same training settings.
 */
public final class RunChecks {
  /** Every file a run directory may hold that training writes. */
  public static final List<String> RUN_FILES = List.of(RunDirectory.CONFIG, RunDirectory.METRICS,
      RunDirectory.CHECKPOINT, RunDirectory.FINAL_PARAMS, RunFiles.SPEC, RunFiles.SPEC_HASH, RunFiles.DATA,
      RunFiles.TEACHER);
  private static final String RESTART = "rerun with --restart to keep the old files aside and start over";

  private RunChecks() {}

  /** Fails unless {@code runDir}'s checkpoint can be resumed as a run of {@code spec} with {@code config}. */
  public static void requireResumable(Path runDir, NetworkSpec spec, TrainConfig config) throws IOException {
    RunDirectory dir = new RunDirectory(runDir);
    NetworkSpec saved = RunFiles.spec(runDir);
    if (!saved.equals(spec)) {
      throw new UserInputException(runDir + " holds a run of another network (" + saved.name()
          + "); choose another output folder, or " + RESTART);
    }
    try {
      CheckpointFile.read(dir.checkpointFile());
    } catch (IOException e) {
      throw new UserInputException(e.getMessage() + "; " + RESTART, e);
    }
    List<String> changes;
    try {
      changes = dir.configChanges(config);
    } catch (IOException e) {
      throw new UserInputException(e.getMessage() + "; " + RESTART, e);
    }
    if (!changes.isEmpty()) {
      throw new UserInputException(runDir + " was trained with other settings (" + String.join(", ", changes)
          + "): a resumed run keeps its own; give the recorded values, choose another output folder, or "
          + RESTART);
    }
  }

  /** The run files of {@code runDir} that exist. */
  public static List<String> existing(Path runDir) {
    return RUN_FILES.stream().filter(f -> Files.exists(runDir.resolve(f))).toList();
  }

  /** Deletes the run files of {@code runDir} (for a user who asked to replace them). */
  public static void removeRunFiles(Path runDir) throws IOException {
    for (String f : existing(runDir)) {
      Files.delete(runDir.resolve(f));
    }
  }

  /**
   * Moves the run files of {@code runDir} into a new subfolder {@code previous-N} (nothing is deleted) and
   * returns it, or null when there were none.
   */
  public static Path moveAside(Path runDir) throws IOException {
    List<String> files = existing(runDir);
    if (files.isEmpty()) {
      return null;
    }
    Path aside;
    int n = 1;
    do {
      aside = runDir.resolve("previous-" + n++);
    } while (Files.exists(aside));
    Files.createDirectory(aside);
    for (String f : files) {
      Files.move(runDir.resolve(f), aside.resolve(f), StandardCopyOption.ATOMIC_MOVE);
    }
    return aside;
  }
}
