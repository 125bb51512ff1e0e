package io.deepreshape.cli;

/** A problem with what the user gave (file, option, value); printed as one paragraph, exit code 2. */
public class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserException(String message) {
    super(message);
  }

  public UserException(String message, Throwable cause) {
    super(message, cause);
  }
}
