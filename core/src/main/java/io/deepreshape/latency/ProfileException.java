package io.deepreshape.latency;

/** A profile or network setting is unknown or its file is invalid; the message names the file and field. */
public class ProfileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ProfileException(String message) {
    super(message);
  }
}
