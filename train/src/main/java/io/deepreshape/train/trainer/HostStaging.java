package io.deepreshape.train.trainer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.deepreshape.train.data.HostBatch;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Copies host arrays to the device through one reused direct buffer. Creating arrays from Java
 * arrays makes DJL allocate a fresh direct buffer each time, freed only when the garbage collector
 * happens to run, so resident memory would climb by a batch per step; here the engine's array owns
 * its memory (CPU: a copy, freed when the array closes) and the staging buffer is reused.
 */
public final class HostStaging {
  private ByteBuffer buffer = ByteBuffer.allocateDirect(0);

  /** The batch's images as a float32 NCHW array in {@code manager}. */
  public NDArray images(NDManager manager, HostBatch batch) {
    int n = batch.size() * batch.channels() * batch.height() * batch.width();
    ByteBuffer b = reserve((long) n * Float.BYTES);
    b.asFloatBuffer().put(batch.data(), 0, n);
    return stage(manager, b, new Shape(batch.shape()), DataType.FLOAT32);
  }

  /** The batch's labels as an int64 vector in {@code manager}. */
  public NDArray labels(NDManager manager, HostBatch batch) {
    int n = batch.size();
    ByteBuffer b = reserve((long) n * Long.BYTES);
    int[] labels = batch.labels();
    for (int i = 0; i < n; i++) {
      b.putLong(i * Long.BYTES, labels[i]);
    }
    return stage(manager, b, new Shape(n), DataType.INT64);
  }

  private ByteBuffer reserve(long bytes) {
    int size = Math.toIntExact(bytes);
    if (buffer.capacity() < size) {
      buffer = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
    }
    buffer.clear();
    buffer.limit(size);
    return buffer;
  }

  private static NDArray stage(NDManager manager, ByteBuffer b, Shape shape, DataType type) {
    NDArray staged = manager.create(b, shape, type);
    if (!staged.getDevice().equals(Device.cpu())) {
      return staged;
    }
    NDArray owned = staged.duplicate();
    staged.close();
    return owned;
  }
}
