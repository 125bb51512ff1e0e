package io.deepreshape.cli;

/** Exit codes of every command. */
public final class ExitCodes {
  public static final int OK = 0;
  /** An unexpected internal failure (a bug): the stack trace is printed. */
  public static final int INTERNAL = 1;
  /** Bad input: unknown name, invalid value, unreadable or malformed file. */
  public static final int USAGE = 2;
  /** The run was interrupted (Ctrl-C); its state is saved and it can be resumed. */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
