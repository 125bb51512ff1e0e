package io.deepreshape.onnx.importer;

import io.deepreshape.onnx.proto.OnnxProto.TensorProto;
import io.deepreshape.onnx.proto.OnnxProto.TensorProto.DataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** A constant tensor of the model (an initializer or a Constant node's value): float32 or int64 values. */
record Constants(String name, long[] dims, float[] floats, long[] longs) {

  /** Reads {@code t}; an external, unsupported-typed or mis-sized tensor fails naming {@code where}. */
  static Constants of(TensorProto t, String where) {
    if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
      throw new ImportException(where + ": tensor '" + t.getName() + "' keeps its data in an external file; "
          + "only weights inside the model file are supported");
    }
    long[] dims = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
    long n = 1;
    for (long d : dims) {
      if (d < 0 || d > Integer.MAX_VALUE) {
        throw new ImportException(where + ": tensor '" + t.getName() + "' has an invalid dimension " + d);
      }
      n = Math.multiplyExact(n, d);
    }
    if (n > Integer.MAX_VALUE) {
      throw new ImportException(where + ": tensor '" + t.getName() + "' is too large (" + n + " values)");
    }
    int size = (int) n;
    if (t.getDataType() == DataType.FLOAT_VALUE) {
      return new Constants(t.getName(), dims, floats(t, size, where), null);
    } else if (t.getDataType() == DataType.INT64_VALUE) {
      return new Constants(t.getName(), dims, null, longs(t, size, where));
    }
    throw new ImportException(where + ": tensor '" + t.getName() + "' has data type "
        + DataType.forNumber(t.getDataType()) + "; float32 weights and int64 shapes are supported");
  }

  private static float[] floats(TensorProto t, int size, String where) {
    float[] v;
    if (!t.getRawData().isEmpty()) {
      ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      requireSize(t, b.remaining(), 4L * size, where);
      v = new float[size];
      b.asFloatBuffer().get(v);
    } else {
      requireSize(t, t.getFloatDataCount(), size, where);
      v = new float[size];
      for (int i = 0; i < size; i++) {
        v[i] = t.getFloatData(i);
      }
    }
    return v;
  }

  private static long[] longs(TensorProto t, int size, String where) {
    if (!t.getRawData().isEmpty()) {
      ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      requireSize(t, b.remaining(), 8L * size, where);
      long[] v = new long[size];
      b.asLongBuffer().get(v);
      return v;
    }
    requireSize(t, t.getInt64DataCount(), size, where);
    return t.getInt64DataList().stream().mapToLong(Long::longValue).toArray();
  }

  private static void requireSize(TensorProto t, long have, long need, String where) {
    if (have != need) {
      throw new ImportException(where + ": tensor '" + t.getName() + "' holds " + have + " values or bytes, its shape "
          + Arrays.toString(t.getDimsList().toArray()) + " needs " + need);
    }
  }

  /** Whether the dimensions are exactly {@code expected}. */
  boolean hasDims(long... expected) {
    return Arrays.equals(dims, expected);
  }

  String dimsText() {
    return Arrays.toString(dims);
  }
}
