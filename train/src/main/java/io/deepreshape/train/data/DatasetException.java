package io.deepreshape.train.data;

import io.deepreshape.error.UserInputException;

/**
 * A dataset could not be opened or is corrupt. The message is one line naming the file or entry
 * and what was wrong (with byte offset, record index or value where relevant).
 */
public class DatasetException extends UserInputException {
  public DatasetException(String message) {
    super(message);
  }

  public DatasetException(String message, Throwable cause) {
    super(message, cause);
  }
}
