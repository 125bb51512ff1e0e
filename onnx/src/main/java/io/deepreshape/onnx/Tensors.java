package io.deepreshape.onnx;

import com.google.protobuf.ByteString;
import io.deepreshape.onnx.proto.OnnxProto.TensorProto;
import io.deepreshape.onnx.proto.OnnxProto.TensorProto.DataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Constant tensors (initializers) in ONNX's little-endian raw layout. */
final class Tensors {
  private Tensors() {}

  static TensorProto floats(String name, float[] values, long... dims) {
    requireSize(name, values.length, dims);
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    return tensor(name, DataType.FLOAT, b, dims);
  }

  static TensorProto longs(String name, long[] values, long... dims) {
    requireSize(name, values.length, dims);
    ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asLongBuffer().put(values);
    return tensor(name, DataType.INT64, b, dims);
  }

  private static TensorProto tensor(String name, DataType type, ByteBuffer bytes, long[] dims) {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.getNumber())
        .setRawData(ByteString.copyFrom(bytes.array()));
    for (long d : dims) {
      t.addDims(d);
    }
    return t.build();
  }

  private static void requireSize(String name, int length, long[] dims) {
    long n = 1;
    for (long d : dims) {
      n *= d;
    }
    if (n != length) {
      throw new IllegalArgumentException("tensor " + name + " has " + length + " values, its shape needs " + n);
    }
  }
}
