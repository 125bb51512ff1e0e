package io.deepreshape.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * A command that only groups subcommands ({@code pi}, {@code criticality}, ...): run alone it names them,
 * one line and exit code 2. Hidden subcommands (old spellings) are not named.
 */
public abstract class CommandGroup implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<String> names = spec.subcommands().entrySet().stream()
        .filter(e -> e.getKey().equals(e.getValue().getCommandSpec().name()))
        .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden())
        .map(e -> e.getKey()).toList();
    String list = names.size() == 1 ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: " + list);
  }
}
