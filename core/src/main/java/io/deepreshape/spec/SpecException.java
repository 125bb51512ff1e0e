package io.deepreshape.spec;

import io.deepreshape.error.UserInputException;

/** A network spec, preset or spec file is invalid; the message names the field and what was expected. */
public class SpecException extends UserInputException {
  private static final long serialVersionUID = 1L;

  public SpecException(String message) {
    super(message);
  }

  public SpecException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Fails with {@code "<path> must be <expected>, was <actual>"} unless {@code ok}. */
  static void require(boolean ok, String path, String expected, Object actual) {
    if (!ok) {
      throw new SpecException(path + " must be " + expected + ", was " + actual);
    }
  }
}
