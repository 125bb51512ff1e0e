package io.deepreshape.cli.pi;

import io.deepreshape.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code pi}: the two-party private-inference engine (PI-ENGINE.md section 4). */
@Command(name = "pi", mixinStandardHelpOptions = true,
    description = "Private inference under HE+GC: serve a trained network, run a client, measure both on this "
        + "machine, fit a latency profile.",
    subcommands = {PiServeCommand.class, PiPrepareCommand.class, PiInferCommand.class, PiMeasureCommand.class,
        PiCalibrateCommand.class})
public final class PiCommand extends CommandGroup {}
