package io.deepreshape.train.trainer;

import java.util.Iterator;

/** An iterator over resources (e.g. a prefetching loader's threads) released by {@link #close()}. */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
  @Override
  void close();
}
