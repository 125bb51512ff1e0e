package io.deepreshape.cli.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.deepreshape.cli.report.TrainedNetwork;
import io.deepreshape.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes a pipeline's rows as {@code results.json}. */
final class Results {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Results() {}

  static void write(List<TrainedNetwork> trained, Path file) throws IOException {
    AtomicFiles.write(file, out -> out.write(JSON.writeValueAsBytes(trained)));
  }
}
