package io.deepreshape.cli.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad inputs to every command: each gives its exit code, one line naming the culprit (no stack trace),
 * and changes no file under the test's folder (a snapshot of the whole tree before and after). The
 * fixtures are written once: a tiny synthetic dataset, a tiny network trained for one step, and broken
 * copies of its run directory.
 */
class BadInputCatalogueTest {
  @TempDir
  static Path dir;

  @BeforeAll
  static void fixtures() throws IOException {
    Fixtures.write(dir);
  }

  static Stream<BadInput> cases() {
    return Catalogue.cases().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusedWithOneLineNamingTheCulprit(BadInput c) throws IOException {
    Map<String, String> before = TreeSnapshot.of(dir);
    String[] args = Arrays.stream(c.args()).map(a -> a.replace("@", dir.toString())).toArray(String[]::new);
    CliRun r = CliRun.of(args);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(c.exitCode());
    List<String> lines = new ArrayList<>(r.err().lines().filter(l -> !l.isBlank())
        .filter(l -> !(l.startsWith("Run '") && l.endsWith("--help' for usage."))).toList());
    assertThat(lines).as(r.err()).hasSize(1);
    assertThat(lines.get(0)).startsWith("error: ").contains(c.culprit().replace("@", dir.toString()));
    assertThat(r.err()).doesNotContain("\tat ");
    assertThat(TreeSnapshot.of(dir)).as("files changed").isEqualTo(before);
  }

  /** Copies a folder tree (for broken variants of a run directory). */
  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path t = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(t);
        } else {
          Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
