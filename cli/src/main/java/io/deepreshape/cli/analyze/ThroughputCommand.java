package io.deepreshape.cli.analyze;

import io.deepreshape.cli.CommandGroup;
import io.deepreshape.cli.train.TrainThroughputCommand;
import picocli.CommandLine.Command;

/**
 * {@code throughput}: rates of whole commands' work on this machine (accounting, training). The rates of
 * the building blocks are the JMH benchmarks of the {@code bench} module.
 */
@Command(name = "throughput", mixinStandardHelpOptions = true,
    description = {"Measure throughput on this machine: 'throughput accounting' (specs per second) or "
        + "'throughput train' (images per second).",
        "The building blocks' rates are the JMH benchmarks of the bench module (README, section Benchmarks)."},
    subcommands = {AccountingThroughputCommand.class, TrainThroughputCommand.class})
public final class ThroughputCommand extends CommandGroup {}
