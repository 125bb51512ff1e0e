package io.deepreshape.train.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** File checks shared by the readers; every failure is a one-line {@link DatasetException}. */
final class DataFiles {
  private DataFiles() {}

  /** Fails unless {@code dir} is an existing folder; {@code hint} (may be empty) is appended. */
  static Path requireDir(Path dir, String what, String hint) {
    if (dir == null) {
      throw new DatasetException("no data folder given for " + what + suffix(hint));
    }
    if (!Files.isDirectory(dir)) {
      throw new DatasetException(
          "missing folder " + dir + " (" + what + (Files.exists(dir) ? " is not a folder" : "")
              + ")" + suffix(hint));
    }
    return dir;
  }

  /** Fails unless {@code file} is an existing regular file. */
  static Path requireFile(Path file, String what, String hint) {
    if (!Files.isRegularFile(file)) {
      throw new DatasetException("missing file " + file + " (" + what + ")" + suffix(hint));
    }
    return file;
  }

  /**
   * Returns {@code dir/sub} when {@code dir} holds a folder named {@code sub} (how the official
   * archives unpack), else {@code dir} itself.
   */
  static Path unpackedRoot(Path dir, String sub) {
    Path nested = dir.resolve(sub);
    return Files.isDirectory(nested) ? nested : dir;
  }

  static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String suffix(String hint) {
    return hint == null || hint.isEmpty() ? "" : "; " + hint;
  }
}
