package io.deepreshape.cli.pipeline.slurm;

import io.deepreshape.cli.UserException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link Slurm} through the sbatch, squeue, scontrol and scancel commands. */
public final class SlurmCommands implements Slurm {
  private static final long TIMEOUT_S = 60;
  private static final Pattern JOB_STATE = Pattern.compile("\\bJobState=(\\S+)");
  private static final Pattern MAX_ARRAY = Pattern.compile("(?m)^MaxArraySize\\s*=\\s*(\\d+)");

  /** The output and exit status of one command. */
  private record Result(int code, String out) {}

  @Override
  public String submit(Path script) throws IOException {
    Result r = exec(List.of("sbatch", "--parsable", script.toString()));
    if (r.code() != 0) {
      throw new UserException("sbatch refused " + script + ": " + firstLine(r.out()));
    }
    String id = r.out().strip().lines().reduce((a, b) -> b).orElse("").split(";")[0];
    if (!id.matches("\\d+")) {
      throw new IOException("sbatch printed no job id for " + script + ": " + firstLine(r.out()));
    }
    return id;
  }

  @Override
  public Map<String, Queued> queue() throws IOException {
    Result r = exec(List.of("squeue", "-h", "-r", "-u", System.getProperty("user.name"), "-o", "%i|%T|%r"));
    if (r.code() != 0) {
      throw new UserException("squeue failed: " + firstLine(r.out()));
    }
    Map<String, Queued> jobs = new LinkedHashMap<>();
    for (String line : r.out().split("\n")) {
      String[] f = line.strip().split("\\|", 3);
      if (f.length == 3) {
        jobs.put(f[0], new Queued(f[1], f[2]));
      }
    }
    return jobs;
  }

  @Override
  public String finalState(String id) throws IOException {
    Result r = exec(List.of("scontrol", "-o", "show", "job", id));
    Matcher m = JOB_STATE.matcher(r.out());
    return r.code() == 0 && m.find() ? m.group(1) : null;
  }

  @Override
  public void cancel(Collection<String> ids) throws IOException {
    if (ids.isEmpty()) {
      return;
    }
    List<String> cmd = new ArrayList<>(List.of("scancel"));
    cmd.addAll(ids);
    Result r = exec(cmd);
    if (r.code() != 0) {
      throw new UserException("scancel failed: " + firstLine(r.out()));
    }
  }

  @Override
  public int maxArraySize() throws IOException {
    Result r = exec(List.of("scontrol", "show", "config"));
    Matcher m = MAX_ARRAY.matcher(r.out());
    if (r.code() != 0 || !m.find()) {
      throw new UserException("cannot read MaxArraySize from scontrol show config: " + firstLine(r.out()));
    }
    return Integer.parseInt(m.group(1));
  }

  /** Whether the Slurm client commands are installed and a controller answers. */
  public static boolean reachable() {
    try {
      return new SlurmCommands().exec(List.of("sinfo", "-h", "-o", "%P")).code() == 0;
    } catch (IOException | UserException e) {
      return false;
    }
  }

  private Result exec(List<String> cmd) throws IOException {
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UserException(cmd.get(0) + " is not available (" + e.getMessage() + "); run on a machine with the "
          + "Slurm client commands");
    }
    try {
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", cmd) + " did not finish within " + TIMEOUT_S + " s");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException(String.join(" ", cmd) + " was interrupted", e);
    }
  }

  private static String firstLine(String text) {
    return text.strip().lines().findFirst().orElse("(no output)");
  }
}
