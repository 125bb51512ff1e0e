package io.deepreshape.cli.pipeline;

import io.deepreshape.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The marker of a unit that has nothing to train, with the reason in words: a design candidate beyond
 * the ones the design found, or a ReLU optimization whose input network already has no more ReLUs than
 * the budget. The report shows the reason where the result would be.
 */
final class Absent {
  static final String FILE = "absent.txt";

  private Absent() {}

  static boolean in(Path runDir) {
    return Files.isRegularFile(runDir.resolve(FILE));
  }

  static void mark(Path runDir, String reason) throws IOException {
    Files.createDirectories(runDir);
    AtomicFiles.writeString(runDir.resolve(FILE), reason + "\n");
  }

  static Optional<String> reason(Path runDir) throws IOException {
    return in(runDir) ? Optional.of(Files.readString(runDir.resolve(FILE)).strip()) : Optional.empty();
  }
}
