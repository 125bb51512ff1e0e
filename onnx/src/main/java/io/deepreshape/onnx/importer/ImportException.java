package io.deepreshape.onnx.importer;

import io.deepreshape.error.UserInputException;

/** A model the importer cannot take: the user's file, named with the node at fault. */
final class ImportException extends UserInputException {
  private static final long serialVersionUID = 1L;

  ImportException(String message) {
    super(message);
  }
}
