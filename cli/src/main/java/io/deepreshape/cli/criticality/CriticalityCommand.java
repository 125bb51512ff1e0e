package io.deepreshape.cli.criticality;

import io.deepreshape.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code criticality}: shows or measures the stages' ReLU criticality (DEEPRESHAPE.md section 4). */
@Command(name = "criticality", mixinStandardHelpOptions = true,
    description = "The stages' ReLU criticality (DEEPRESHAPE.md section 4): show a criticality file or the default "
        + "order, or measure one by training.",
    subcommands = {CriticalityShowCommand.class, CriticalityMeasureCommand.class})
public final class CriticalityCommand extends CommandGroup {}
