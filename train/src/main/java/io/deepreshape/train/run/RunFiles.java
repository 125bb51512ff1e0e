package io.deepreshape.train.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.deepreshape.error.UserInputException;
import io.deepreshape.graph.GraphJson;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.io.AtomicFiles;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.SpecIo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The run directory's own files beside the trainer's: {@code spec.yaml} (or, for an imported
 * network, {@code graph.json}, its {@link GraphJson}) and {@code data.json}.
 */
public final class RunFiles {
  public static final String SPEC = "spec.yaml";
  /** The architecture of a run of an imported network (it has no spec). */
  public static final String GRAPH = "graph.json";
  public static final String DATA = "data.json";
  public static final String TEACHER = "teacher.txt";
  /** SHA-256 of the canonical spec a run was trained with, written at training time. */
  public static final String SPEC_HASH = "spec.sha256";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunFiles() {}

  public static void write(Path runDir, NetworkSpec spec, DataSettings data) throws IOException {
    try {
      Files.createDirectories(runDir);
    } catch (IOException e) {
      throw new UserInputException("cannot create the run directory " + runDir + " (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
    }
    SpecIo.write(spec, runDir.resolve(SPEC));
    AtomicFiles.writeString(runDir.resolve(SPEC_HASH), hash(spec) + "\n");
    AtomicFiles.write(runDir.resolve(DATA), out -> out.write(JSON.writeValueAsBytes(data)));
  }

  /** Writes a graph's run files: its spec's when it has one, else {@value #GRAPH} with its hash. */
  public static void write(Path runDir, NetworkGraph graph, DataSettings data) throws IOException {
    if (graph.spec().isPresent()) {
      write(runDir, graph.spec().get(), data);
      return;
    }
    try {
      Files.createDirectories(runDir);
    } catch (IOException e) {
      throw new UserInputException("cannot create the run directory " + runDir + " (" + e.getMessage() + ")", e);
    }
    String json = GraphJson.toJson(graph);
    AtomicFiles.writeString(runDir.resolve(GRAPH), json + "\n");
    AtomicFiles.writeString(runDir.resolve(SPEC_HASH), digest(json) + "\n");
    AtomicFiles.write(runDir.resolve(DATA), out -> out.write(JSON.writeValueAsBytes(data)));
  }

  /** The network a run trained: its spec's graph, or an imported network's {@value #GRAPH}, hash checked. */
  public static NetworkGraph graph(Path runDir) {
    Path f = runDir.resolve(GRAPH);
    if (!Files.isRegularFile(f)) {
      return NetworkGraph.of(spec(runDir));
    }
    String json;
    NetworkGraph g;
    try {
      json = Files.readString(f, StandardCharsets.UTF_8).strip();
      g = GraphJson.parse(JSON.readTree(json));
    } catch (IOException | IllegalArgumentException e) {
      throw new UserInputException(f + " is not a network graph: " + e.getMessage());
    }
    Path h = runDir.resolve(SPEC_HASH);
    try {
      if (Files.isRegularFile(h) && !Files.readString(h, StandardCharsets.UTF_8).strip().equals(digest(json))) {
        throw new UserInputException(f + " is not the network this run trained (its hash differs from the one"
            + " recorded in " + SPEC_HASH + " at training time)");
      }
    } catch (IOException e) {
      throw new UserInputException("cannot read " + h + ": " + e.getMessage());
    }
    return g;
  }

  /** Records the teacher run a run distils from (absolute path), or removes the record when there is none. */
  public static void writeTeacher(Path runDir, Path teacherRun) throws IOException {
    Path f = runDir.resolve(TEACHER);
    if (teacherRun == null) {
      Files.deleteIfExists(f);
      return;
    }
    AtomicFiles.writeString(f, teacherRun.toAbsolutePath().normalize() + "\n");
  }

  /** The teacher run recorded in {@code runDir}, or null. */
  public static Path teacher(Path runDir) throws IOException {
    Path f = runDir.resolve(TEACHER);
    return Files.isRegularFile(f) ? Path.of(Files.readString(f).strip()) : null;
  }

  /** The spec a run trained; fails naming the folder if it is not a run directory. */
  public static NetworkSpec spec(Path runDir) {
    Path f = runDir.resolve(SPEC);
    if (!Files.isRegularFile(f)) {
      throw new UserInputException(runDir + " is not a run directory: " + SPEC + " is missing");
    }
    NetworkSpec spec = SpecIo.read(f);
    Path h = runDir.resolve(SPEC_HASH);
    if (Files.isRegularFile(h)) {
      String recorded;
      try {
        recorded = Files.readString(h, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new UserInputException("cannot read " + h + ": " + e.getMessage());
      }
      if (!recorded.equals(hash(spec))) {
        throw new UserInputException(f + " is not the network this run trained (its hash differs from the one"
            + " recorded in " + SPEC_HASH + " at training time); restore the spec the run was trained with");
      }
    }
    return spec;
  }

  /** Hex SHA-256 of the canonical YAML of {@code spec}: equal specs hash alike however their files are laid out. */
  public static String hash(NetworkSpec spec) {
    return digest(SpecIo.toYaml(spec));
  }

  private static String digest(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  public static DataSettings data(Path runDir) {
    Path f = runDir.resolve(DATA);
    if (!Files.isRegularFile(f)) {
      throw new UserInputException(runDir + " is not a run directory: " + DATA + " is missing");
    }
    try {
      return JSON.readValue(f.toFile(), DataSettings.class);
    } catch (IOException e) {
      throw new UserInputException(f + " is unreadable: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
