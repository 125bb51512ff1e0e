package io.deepreshape.train.trainer;

import java.util.Iterator;

/** An iterator holding resources (e.g. a prefetching loader's threads) freed by {@link #close()}. */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
  @Override
  void close();
}
