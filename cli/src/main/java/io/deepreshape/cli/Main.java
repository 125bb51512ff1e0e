package io.deepreshape.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/** Entry point of the {@code deepreshape} command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs {@code args} with the given output streams and returns the exit code (used by tests). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = Commands.build(out, err);
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      return Commands.report(e, err, Arrays.asList(args).contains("--debug"));
    }
  }
}
