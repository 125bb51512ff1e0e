package io.deepreshape.cli.common;

import io.deepreshape.cli.UserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * The rule for every command that writes into a folder or a named file: a file it would replace is
 * refused unless {@code --force}, and a folder that is a file or cannot be created is the user's mistake.
 */
public final class OutputFolder {
  private OutputFolder() {}

  /** Creates {@code dir} (with parents) for {@code option}; fails when it is a file or cannot be made. */
  public static void create(Path dir, String option) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UserException(option + " " + dir + " is a file, not a folder");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UserException("cannot create the " + option + " folder " + dir + " (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }
  }

  /** Fails naming the first of {@code names} that {@code dir} already holds, unless {@code force}. */
  public static void refuseReplacing(Path dir, Collection<String> names, boolean force, String option) {
    if (force || !Files.isDirectory(dir)) {
      requireFolder(dir, option);
      return;
    }
    List<String> present = names.stream().filter(n -> Files.exists(dir.resolve(n))).sorted().toList();
    if (!present.isEmpty()) {
      throw new UserException(option + " " + dir + " already holds " + describe(present)
          + ", which this command would replace; choose another folder or add --force");
    }
  }

  /** Fails when {@code file} exists, unless {@code force}. */
  public static void refuseReplacingFile(Path file, boolean force, String option) {
    if (!force && Files.exists(file)) {
      throw new UserException(option + " " + file + " already exists; choose another file or add --force");
    }
    if (Files.isDirectory(file)) {
      throw new UserException(option + " " + file + " is a folder, not a file");
    }
  }

  private static void requireFolder(Path dir, String option) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UserException(option + " " + dir + " is a file, not a folder");
    }
  }

  private static String describe(List<String> present) {
    String first = String.join(", ", present.subList(0, Math.min(3, present.size())));
    return present.size() > 3 ? first + " and " + (present.size() - 3) + " more" : first;
  }
}
