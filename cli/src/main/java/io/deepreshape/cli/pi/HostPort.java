package io.deepreshape.cli.pi;

import io.deepreshape.cli.UserException;

/** A {@code --connect HOST:PORT} value. */
record HostPort(String host, int port) {
  /** Parses {@code HOST:PORT}, refusing anything else in one line. */
  static HostPort parse(String connect) {
    int colon = connect.lastIndexOf(':');
    if (colon <= 0 || colon == connect.length() - 1) {
      throw new UserException("--connect must be HOST:PORT, got '" + connect + "'");
    }
    try {
      return new HostPort(connect.substring(0, colon),
          Integer.parseInt(connect.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new UserException("--connect must be HOST:PORT, got '" + connect + "'");
    }
  }
}
