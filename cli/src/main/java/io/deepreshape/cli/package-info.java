/**
 * The {@code deepreshape} command line: the entry point ({@link io.deepreshape.cli.Main}), the command
 * tree and the mapping of exceptions to exit codes and one-line messages ({@link
 * io.deepreshape.cli.Commands}, {@link io.deepreshape.cli.ExitCodes}). The commands themselves live in
 * the sub-packages, one per concern.
 */
package io.deepreshape.cli;
