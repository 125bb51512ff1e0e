package io.deepreshape.train.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The batches of one pass, produced by a background daemon thread into a bounded queue.
 * {@link #close()} stops the thread promptly; an exception in the producer is rethrown by
 * {@link #hasNext()} / {@link #next()} after the batches made before it (runtime exceptions and
 * errors as they are, checked ones wrapped).
 */
public final class BatchIterator implements Iterator<HostBatch>, AutoCloseable {
  /** Producer of the batch with a given index of the pass. */
  @FunctionalInterface
  interface BatchProducer {
    HostBatch produce(int batchIndex);
  }

  private static final Object END = new Object();

  private final BlockingQueue<Object> queue;
  private final Thread thread;
  private volatile boolean closed;
  private Object head;
  private boolean finished;

  BatchIterator(String name, int first, int end, int prefetch, BatchProducer producer) {
    this.queue = new ArrayBlockingQueue<>(prefetch + 1);
    this.thread = new Thread(() -> run(first, end, producer), name);
    thread.setDaemon(true);
    thread.start();
  }

  private void run(int first, int end, BatchProducer producer) {
    try {
      for (int b = first; b < end && !closed; b++) {
        queue.put(producer.produce(b));
      }
      queue.put(END);
    } catch (InterruptedException e) {
      // close() interrupted us: exit quietly.
    } catch (Throwable t) {
      // Batches made before the failure are delivered first, then the failure.
      try {
        if (!closed) {
          queue.put(new Failure(t));
        }
      } catch (InterruptedException e) {
        // Closed while waiting: nobody is left to tell.
      }
    }
  }

  /** Wraps a producer's exception on its way to the consumer. */
  private record Failure(Throwable error) {}

  @Override
  public boolean hasNext() {
    if (finished) {
      return false;
    }
    if (head == null) {
      try {
        head = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a batch", e);
      }
    }
    if (head == END) {
      finished = true;
      return false;
    }
    if (head instanceof Failure f) {
      finished = true;
      head = null;
      Throwable t = f.error();
      if (t instanceof RuntimeException re) {
        throw re;
      }
      if (t instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("batch producer failed: " + t, t);
    }
    return true;
  }

  @Override
  public HostBatch next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    HostBatch b = (HostBatch) head;
    head = null;
    return b;
  }

  /** Stops the producer thread and waits (briefly) for it to exit. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    finished = true;
    head = null;
    thread.interrupt();
    queue.clear();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** True while the producer thread is running (for tests). */
  boolean producerAlive() {
    return thread.isAlive();
  }
}
