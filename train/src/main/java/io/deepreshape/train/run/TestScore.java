package io.deepreshape.train.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.deepreshape.io.AtomicFiles;
import io.deepreshape.train.trainer.EvalResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A finished run's test accuracy, measured once: the first call evaluates the final parameters on the
 * run's test split and writes {@value #FILE}; later calls read it. A pipeline asks for it only when it
 * writes its report, after every choice has been made on the validation split.
 */
public final class TestScore {
  public static final String FILE = "test.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TestScore() {}

  public static EvalResult of(Path runDir) throws IOException {
    Path file = runDir.resolve(FILE);
    if (Files.isRegularFile(file)) {
      return JSON.readValue(file.toFile(), EvalResult.class);
    }
    EvalResult r = TrainingRun.evaluate(runDir, null);
    AtomicFiles.write(file, out -> out.write(JSON.writeValueAsBytes(r)));
    return r;
  }
}
