package io.deepreshape.train.data;

/** Which part of a dataset to open: the training set or the test (validation) set. */
public enum Split {
  TRAIN,
  TEST;

  /** Lower-case name used in dataset names, e.g. {@code cifar10/train}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
