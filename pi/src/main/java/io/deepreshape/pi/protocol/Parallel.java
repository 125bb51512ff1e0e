package io.deepreshape.pi.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The engine's worker threads for data-parallel loops (HE products and sealing): {@value
 * #PROPERTY} threads, default all cores. Loops split into contiguous ranges, one per worker, each
 * worker with its own index so that it uses its own PRG and sealer.
 */
final class Parallel {
  /** The system property naming the thread count. */
  static final String PROPERTY = "deepreshape.pi.threads";
  private static final int THREADS = threads();
  private static final ExecutorService POOL = Executors.newFixedThreadPool(Math.max(1, THREADS),
      r -> {
        Thread t = new Thread(r, "pi-worker");
        t.setDaemon(true);
        return t;
      });

  /** A loop body: {@code worker} in {@code [0, threads)}, index {@code i}. */
  interface Body {
    void run(int worker, int i);
  }

  private Parallel() {}

  /** The configured thread count (at least 1). */
  static int threads() {
    int n = Integer.getInteger(PROPERTY, Runtime.getRuntime().availableProcessors());
    if (n < 1) {
      throw new IllegalArgumentException(PROPERTY + " must be at least 1, got " + n);
    }
    return n;
  }

  /** Runs {@code body} for {@code i} in {@code [0, n)} on the workers; rethrows the first failure. */
  static void forEach(int n, Body body) {
    int workers = Math.min(THREADS, n);
    if (workers <= 1) {
      for (int i = 0; i < n; i++) {
        body.run(0, i);
      }
      return;
    }
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      int worker = w;
      int from = (int) ((long) n * w / workers);
      int to = (int) ((long) n * (w + 1) / workers);
      done.add(POOL.submit(() -> {
        for (int i = from; i < to; i++) {
          body.run(worker, i);
        }
      }));
    }
    for (Future<?> f : done) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted in a parallel loop", e);
      } catch (ExecutionException e) {
        throw rethrown(e);
      }
    }
  }

  /** Starts {@code task} on a worker. */
  static <T> Future<T> submit(Callable<T> task) {
    return POOL.submit(task);
  }

  /** The result of a {@link #submit}ted task, waiting for it; rethrows its failure. */
  static <T> T await(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a worker", e);
    } catch (ExecutionException e) {
      throw rethrown(e);
    }
  }

  private static RuntimeException rethrown(ExecutionException e) {
    if (e.getCause() instanceof RuntimeException r) {
      return r;
    }
    if (e.getCause() instanceof Error err) {
      throw err;
    }
    return new IllegalStateException(e.getCause());
  }

  /** The number of workers {@link #forEach} uses at most. */
  static int workers() {
    return THREADS;
  }
}
