package io.deepreshape.latency;

/**
 * Least squares with every coefficient at least zero, for the handful of unknowns a latency profile
 * fits: every subset of free coefficients is solved by its normal equations (the rest held at zero) and
 * the feasible solution with the smallest residual wins, which is the exact constrained optimum.
 */
public final class NonNegativeLeastSquares {
  /** Largest number of unknowns (2^k subsets are tried). */
  public static final int MAX_UNKNOWNS = 8;

  private NonNegativeLeastSquares() {}

  /** Minimises |a x - b|^2 over x >= 0; {@code a} has one row per equation. */
  public static double[] solve(double[][] a, double[] b) {
    int k = a.length == 0 ? 0 : a[0].length;
    if (a.length != b.length || k == 0 || k > MAX_UNKNOWNS) {
      throw new IllegalArgumentException("need as many right-hand sides as rows and 1.." + MAX_UNKNOWNS
          + " unknowns, got " + a.length + " rows, " + b.length + " values, " + k + " unknowns");
    }
    // Columns range from MACs (1e8) to ciphertext counts (1e2): scale each to a largest entry of 1 so that
    // the normal equations stay well conditioned; the scaling does not change which x >= 0 is optimal.
    double[] scale = new double[k];
    double[][] scaled = new double[a.length][k];
    for (int j = 0; j < k; j++) {
      for (double[] row : a) {
        scale[j] = Math.max(scale[j], Math.abs(row[j]));
      }
      if (scale[j] == 0) {
        scale[j] = 1;
      }
      for (int r = 0; r < a.length; r++) {
        scaled[r][j] = a[r][j] / scale[j];
      }
    }
    double[] x = solveScaled(scaled, b, k);
    for (int j = 0; j < k; j++) {
      x[j] /= scale[j];
    }
    return x;
  }

  private static double[] solveScaled(double[][] a, double[] b, int k) {
    double[] best = new double[k];
    double bestResidual = residual(a, b, best);
    for (int mask = 1; mask < (1 << k); mask++) {
      double[] x = solveSubset(a, b, mask, k);
      if (x == null) {
        continue;
      }
      double r = residual(a, b, x);
      if (r < bestResidual) {
        bestResidual = r;
        best = x;
      }
    }
    return best;
  }

  /** Unconstrained solution on the columns in {@code mask}; null if singular or any coefficient < 0. */
  private static double[] solveSubset(double[][] a, double[] b, int mask, int k) {
    int[] cols = new int[Integer.bitCount(mask)];
    for (int j = 0, n = 0; j < k; j++) {
      if ((mask & (1 << j)) != 0) {
        cols[n++] = j;
      }
    }
    int m = cols.length;
    double[][] g = new double[m][m + 1];
    for (int r = 0; r < a.length; r++) {
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < m; j++) {
          g[i][j] += a[r][cols[i]] * a[r][cols[j]];
        }
        g[i][m] += a[r][cols[i]] * b[r];
      }
    }
    double[] y = gauss(g);
    if (y == null) {
      return null;
    }
    double[] x = new double[k];
    for (int i = 0; i < m; i++) {
      if (y[i] < 0) {
        return null;
      }
      x[cols[i]] = y[i];
    }
    return x;
  }

  /** Gaussian elimination with partial pivoting on an augmented matrix; null when singular. */
  private static double[] gauss(double[][] g) {
    int m = g.length;
    double scale = 0;
    for (double[] row : g) {
      for (int j = 0; j < m; j++) {
        scale = Math.max(scale, Math.abs(row[j]));
      }
    }
    for (int c = 0; c < m; c++) {
      int p = c;
      for (int r = c + 1; r < m; r++) {
        if (Math.abs(g[r][c]) > Math.abs(g[p][c])) {
          p = r;
        }
      }
      if (Math.abs(g[p][c]) <= 1e-12 * scale) {
        return null;
      }
      double[] t = g[c];
      g[c] = g[p];
      g[p] = t;
      for (int r = 0; r < m; r++) {
        if (r != c) {
          double f = g[r][c] / g[c][c];
          for (int j = c; j <= m; j++) {
            g[r][j] -= f * g[c][j];
          }
        }
      }
    }
    double[] x = new double[m];
    for (int i = 0; i < m; i++) {
      x[i] = g[i][m] / g[i][i];
    }
    return x;
  }

  private static double residual(double[][] a, double[] b, double[] x) {
    double s = 0;
    for (int r = 0; r < a.length; r++) {
      double d = -b[r];
      for (int j = 0; j < x.length; j++) {
        d += a[r][j] * x[j];
      }
      s += d * d;
    }
    return s;
  }
}
