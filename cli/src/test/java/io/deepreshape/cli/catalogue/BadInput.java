package io.deepreshape.cli.catalogue;

/**
 * One bad input: the command line ({@code @} stands for the fixtures' folder), the exit code and a part
 * of the one-line message that names what was wrong.
 */
record BadInput(String name, int exitCode, String culprit, String... args) {
  @Override
  public String toString() {
    return name;
  }
}
