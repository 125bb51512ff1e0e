package io.deepreshape.cli.pi;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code pi}: the two-party private-inference engine (PI-ENGINE.md section 4). */
@Command(name = "pi", mixinStandardHelpOptions = true,
    description = "Private inference under HE+GC: serve a trained network, run a client, benchmark both.",
    subcommands = {PiServeCommand.class, PiPrepareCommand.class, PiInferCommand.class, PiBenchCommand.class,
        PiCalibrateCommand.class})
public final class PiCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is required: serve, prepare, infer, bench or calibrate");
  }
}
