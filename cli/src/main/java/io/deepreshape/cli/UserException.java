package io.deepreshape.cli;

import io.deepreshape.error.UserInputException;

/** A problem with what the user gave (file, option, value); printed as one paragraph, exit code 2. */
public class UserException extends UserInputException {
  private static final long serialVersionUID = 1L;

  public UserException(String message) {
    super(message);
  }

  public UserException(String message, Throwable cause) {
    super(message, cause);
  }
}
