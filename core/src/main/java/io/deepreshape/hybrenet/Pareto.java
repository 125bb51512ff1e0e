package io.deepreshape.hybrenet;

import java.util.List;
import java.util.function.ToLongFunction;

/** The Pareto set of points that minimise two costs (e.g. ReLUs and FLOPs). */
public final class Pareto {
  private Pareto() {}

  /**
   * {@code front[i]} is true when no other point is at most as costly in both and strictly cheaper
   * in one. Equal points do not dominate each other.
   */
  public static <T> boolean[] front(List<T> points, ToLongFunction<T> a, ToLongFunction<T> b) {
    boolean[] front = new boolean[points.size()];
    for (int i = 0; i < front.length; i++) {
      long ai = a.applyAsLong(points.get(i));
      long bi = b.applyAsLong(points.get(i));
      boolean dominated = false;
      for (int j = 0; j < front.length && !dominated; j++) {
        long aj = a.applyAsLong(points.get(j));
        long bj = b.applyAsLong(points.get(j));
        dominated = aj <= ai && bj <= bi && (aj < ai || bj < bi);
      }
      front[i] = !dominated;
    }
    return front;
  }
}
