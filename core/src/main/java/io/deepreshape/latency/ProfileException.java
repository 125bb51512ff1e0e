package io.deepreshape.latency;

import io.deepreshape.error.UserInputException;

/** A profile or network setting is unknown or its file is invalid; the message names the file and field. */
public class ProfileException extends UserInputException {
  private static final long serialVersionUID = 1L;

  public ProfileException(String message) {
    super(message);
  }
}
