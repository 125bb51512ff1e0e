package io.deepreshape.train.trainer;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A stop request for a running training loop. As a JVM shutdown hook (Ctrl-C, SIGTERM) it requests
 * the stop and waits for the loop to write its checkpoint at the next step boundary.
 */
final class StopSignal {
  private static final long HOOK_WAIT_SECONDS = 120;

  private volatile boolean requested;
  private final CountDownLatch finished = new CountDownLatch(1);
  private Thread hook;

  void request() {
    requested = true;
  }

  boolean requested() {
    return requested;
  }

  void installHook() {
    hook = new Thread(() -> {
      requested = true;
      try {
        finished.await(HOOK_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "deepreshape-trainer-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Marks the loop as finished and removes the hook (unless the JVM is already shutting down). */
  void finish() {
    finished.countDown();
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running and returns once it sees the latch
      }
      hook = null;
    }
  }
}
