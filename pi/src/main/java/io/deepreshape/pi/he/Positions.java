package io.deepreshape.pi.he;

/** Sets of coefficient positions, as sorted index arrays. */
final class Positions {
  private Positions() {}

  /** The indices {@code j} with {@code used[j]}, ascending. */
  static int[] of(boolean[] used) {
    int count = 0;
    for (boolean u : used) {
      count += u ? 1 : 0;
    }
    int[] out = new int[count];
    int k = 0;
    for (int j = 0; j < used.length; j++) {
      if (used[j]) {
        out[k++] = j;
      }
    }
    return out;
  }

  /** Whether {@code positions} is strictly ascending within {@code [0, n)}. */
  static boolean valid(int[] positions, int n) {
    for (int k = 0; k < positions.length; k++) {
      if (positions[k] < 0 || positions[k] >= n || (k > 0 && positions[k] <= positions[k - 1])) {
        return false;
      }
    }
    return positions.length > 0;
  }
}
