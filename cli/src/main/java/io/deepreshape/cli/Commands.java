package io.deepreshape.cli;

import io.deepreshape.cli.analyze.AccountingThroughputCommand;
import io.deepreshape.cli.analyze.AnalyzeCommand;
import io.deepreshape.cli.analyze.ProfileCommand;
import io.deepreshape.cli.analyze.ThroughputCommand;
import io.deepreshape.cli.criticality.CriticalityCommand;
import io.deepreshape.cli.design.DesignCommand;
import io.deepreshape.cli.design.EqualizeCommand;
import io.deepreshape.cli.design.HybReNetCommand;
import io.deepreshape.cli.design.ScaleCommand;
import io.deepreshape.cli.export.ExportCommand;
import io.deepreshape.cli.optimize.OptimizeCommand;
import io.deepreshape.cli.pipeline.DemoCommand;
import io.deepreshape.cli.pipeline.RunCommand;
import io.deepreshape.cli.train.DatasetCommand;
import io.deepreshape.cli.train.EvalCommand;
import io.deepreshape.cli.train.TrainCommand;
import io.deepreshape.cli.train.TrainThroughputCommand;
import io.deepreshape.cli.pi.PiCommand;
import io.deepreshape.cli.pi.PiMeasureCommand;
import io.deepreshape.error.UserInputException;
import io.deepreshape.train.trainer.TrainingDivergedException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Builds the command tree and maps exceptions to exit codes and one-paragraph messages. */
public final class Commands {
  /** Every subcommand class; add new commands here. */
  static final List<Class<?>> SUBCOMMANDS = List.of(
      AnalyzeCommand.class, ProfileCommand.class, ThroughputCommand.class, DatasetCommand.class,
      ScaleCommand.class, CriticalityCommand.class, EqualizeCommand.class, HybReNetCommand.class, DesignCommand.class,
      TrainCommand.class, EvalCommand.class, RunCommand.class, DemoCommand.class, OptimizeCommand.class,
      PiCommand.class, ExportCommand.class);

  private Commands() {}

  /** Top-level command: only holds options shared by every subcommand. */
  @Command(name = "deepreshape", mixinStandardHelpOptions = true, version = "deepreshape 0.1.0",
      description = "Design, train and evaluate convolutional networks for private inference (DeepReShape).",
      subcommandsRepeatable = false)
  static final class Root implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
        description = "Print stack traces of errors.")
    boolean debug;

    @Override
    public void run() {
      throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
  }

  public static CommandLine build(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Root());
    for (Class<?> c : SUBCOMMANDS) {
      cli.addSubcommand(c);
    }
    addOldSpellings(cli);
    shareVersion(cli, cli.getCommandSpec().version());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, commandLine, err, parseResult));
    cli.setParameterExceptionHandler((ex, args) -> {
      err.println("error: " + withoutPrefix(ex.getMessage()));
      err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
      err.flush();
      return ExitCodes.USAGE;
    });
    return cli;
  }

  /**
   * The spellings of before "bench" meant only the JMH benchmarks, kept for users' scripts and left out of
   * the help: {@code bench} ({@code throughput accounting}), {@code bench train} ({@code throughput train})
   * and {@code pi bench} ({@code pi measure}).
   */
  private static void addOldSpellings(CommandLine cli) {
    CommandLine bench = hidden("bench", new AccountingThroughputCommand());
    bench.addSubcommand("train", new TrainThroughputCommand());
    cli.addSubcommand("bench", bench);
    cli.getSubcommands().get("pi").addSubcommand("bench", hidden("bench", new PiMeasureCommand()));
  }

  /** {@code command} under the name {@code name}, left out of its parent's list of commands. */
  private static CommandLine hidden(String name, Object command) {
    CommandLine c = new CommandLine(command);
    c.getCommandSpec().name(name).usageMessage().hidden(true);
    return c;
  }

  /** picocli starts its messages on argument groups with "Error: ", which would follow ours. */
  private static String withoutPrefix(String message) {
    return message != null && message.startsWith("Error: ") ? message.substring("Error: ".length()) : message;
  }

  /** Every subcommand answers {@code -V} with the tool's version (picocli would print an empty line). */
  private static void shareVersion(CommandLine command, String[] version) {
    for (CommandLine sub : command.getSubcommands().values()) {
      if (sub.getCommandSpec().version().length == 0) {
        sub.getCommandSpec().version(version);
      }
      shareVersion(sub, version);
    }
  }

  private static int handle(Exception ex, CommandLine commandLine, PrintWriter err, CommandLine.ParseResult parse) {
    boolean debug = parse.hasMatchedOption("--debug")
        || parse.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"))
        || parse.asCommandLineList().stream().anyMatch(p -> p.getParseResult() != null
            && p.getParseResult().hasMatchedOption("--debug"));
    return report(ex, err, debug);
  }

  /**
   * Prints the one-line report of {@code ex} (and its stack trace only with {@code --debug}) and returns
   * the exit code: {@link ExitCodes#USAGE} for the user's mistakes and for running out of memory,
   * {@link ExitCodes#INTERNAL} for anything else, which is a bug.
   */
  static int report(Throwable ex, PrintWriter err, boolean debug) {
    int code;
    if (isUserError(ex)) {
      err.println("error: " + oneLine(message(ex)));
      code = ExitCodes.USAGE;
    } else if (isOutOfMemory(ex)) {
      err.println("error: out of memory (" + oneLine(message(ex)) + "): the network or batch is too large for"
          + " this machine; reduce the widths, blocks or input size, or --batch-size, or give Java more memory"
          + " (-Xmx)");
      code = ExitCodes.USAGE;
    } else {
      err.println("internal error: " + oneLine(ex.getClass().getSimpleName() + ": " + message(ex))
          + (debug ? "" : " (a bug; rerun with --debug for the stack trace)"));
      code = ExitCodes.INTERNAL;
    }
    if (debug) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  private static boolean isUserError(Throwable ex) {
    return ex instanceof UserInputException || ex instanceof TrainingDivergedException
        || (ex instanceof UncheckedIOException u && u.getCause() instanceof NoSuchFileException);
  }

  private static boolean isOutOfMemory(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (t instanceof OutOfMemoryError || m.contains("out of memory") || m.contains("can't allocate memory")
          || m.contains("bad_alloc")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static String message(Throwable ex) {
    String m = ex.getMessage();
    return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
