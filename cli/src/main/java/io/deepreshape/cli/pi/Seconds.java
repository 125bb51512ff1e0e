package io.deepreshape.cli.pi;

import io.deepreshape.cli.UserException;

/** Timeouts of the {@code pi} commands, given in whole seconds. */
final class Seconds {
  /** The longest timeout: what a read timeout in milliseconds can hold (about 24 days). */
  static final int MAX = Integer.MAX_VALUE / 1000;

  private Seconds() {}

  /** {@code seconds} of option {@code option} in milliseconds; refuses values outside 1..MAX. */
  static int millis(String option, int seconds) {
    if (seconds < 1 || seconds > MAX) {
      throw new UserException(option + " must be a whole number of seconds from 1 to " + MAX
          + ", got " + seconds);
    }
    return seconds * 1000;
  }
}
