package io.deepreshape.error;

/**
 * What the user gave is invalid; the message is one line naming the file, field or value and what was
 * expected. It extends {@link IllegalArgumentException} so callers that guard a value can still catch it,
 * but only this type (not every {@code IllegalArgumentException}) counts as the user's mistake.
 */
public class UserInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public UserInputException(String message) {
    super(message);
  }

  public UserInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
