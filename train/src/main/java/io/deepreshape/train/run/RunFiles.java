package io.deepreshape.train.run;

import io.deepreshape.error.UserInputException;

import io.deepreshape.io.AtomicFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.SpecIo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The run directory's own files beside the trainer's: {@code spec.yaml} and {@code data.json}. */
public final class RunFiles {
  public static final String SPEC = "spec.yaml";
  public static final String DATA = "data.json";
  public static final String TEACHER = "teacher.txt";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunFiles() {}

  public static void write(Path runDir, NetworkSpec spec, DataSettings data) throws IOException {
    Files.createDirectories(runDir);
    SpecIo.write(spec, runDir.resolve(SPEC));
    AtomicFiles.write(runDir.resolve(DATA), out -> out.write(JSON.writeValueAsBytes(data)));
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
    return SpecIo.read(f);
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
