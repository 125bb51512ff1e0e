package io.deepreshape.onnx.importer;

import io.deepreshape.graph.Shape;
import io.deepreshape.onnx.proto.OnnxProto.GraphProto;
import io.deepreshape.onnx.proto.OnnxProto.TensorProto;
import io.deepreshape.onnx.proto.OnnxProto.TensorShapeProto;
import io.deepreshape.onnx.proto.OnnxProto.TypeProto;
import io.deepreshape.onnx.proto.OnnxProto.ValueInfoProto;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The model's one image input: float32 {@code [N, C, H, W]} with C, H and W fixed. */
final class ModelInput {
  private ModelInput() {}

  static String name(GraphProto g, String file) {
    return input(g, file).getName();
  }

  static Shape shape(GraphProto g, String file) {
    ValueInfoProto in = input(g, file);
    String where = file + ": input '" + in.getName() + "'";
    TypeProto t = in.getType();
    if (!t.hasTensorType() || t.getTensorType().getElemType() != TensorProto.DataType.FLOAT_VALUE) {
      throw new ImportException(where + " is not a float32 tensor");
    }
    List<TensorShapeProto.Dimension> d = t.getTensorType().getShape().getDimList();
    if (d.size() != 4 || !d.get(1).hasDimValue() || !d.get(2).hasDimValue() || !d.get(3).hasDimValue()) {
      throw new ImportException(where + " must have shape [N, C, H, W] with C, H and W fixed");
    }
    long c = d.get(1).getDimValue();
    long h = d.get(2).getDimValue();
    long w = d.get(3).getDimValue();
    if (c < 1 || h < 1 || w < 1 || c > 1 << 16 || h > 1 << 16 || w > 1 << 16) {
      throw new ImportException(where + " has an invalid shape [N, " + c + ", " + h + ", " + w + "]");
    }
    return new Shape((int) c, (int) h, (int) w);
  }

  /** The graph's inputs that no initializer gives a value: exactly one. */
  private static ValueInfoProto input(GraphProto g, String file) {
    Set<String> init = new HashSet<>();
    g.getInitializerList().forEach(t -> init.add(t.getName()));
    List<ValueInfoProto> free = g.getInputList().stream().filter(v -> !init.contains(v.getName())).toList();
    if (free.size() != 1) {
      throw new ImportException(file + ": the model has " + free.size() + " inputs besides its weights; one image "
          + "input is supported");
    }
    return free.get(0);
  }
}
