package io.deepreshape.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.deepreshape.graph.BatchNormNode;
import io.deepreshape.graph.ConvNode;
import io.deepreshape.graph.FcNode;
import io.deepreshape.graph.Node;
import io.deepreshape.graph.WeightSource;
import java.util.HashMap;
import java.util.Map;

/**
 * Copies parameters from a {@link WeightSource} (an imported model's) into an initialised DJL model,
 * layer by node address, each array's size checked: the reverse of {@link TrainedWeights}.
 */
public final class ImportedParameters {
  private ImportedParameters() {}

  /** Sets every convolution, batch norm and classifier of {@code model} from {@code src}. */
  public static void copy(BuiltModel model, WeightSource src) {
    for (Node n : model.graph().nodes()) {
      Block b = model.layers().get(n.address());
      if (n instanceof ConvNode c) {
        Map<String, NDArray> p = parameters(b);
        set(p, "weight", src.conv(c.layer()), n);
        if (c.layer().bias()) {
          set(p, "bias", src.convBias(c.layer()), n);
        }
      } else if (n instanceof BatchNormNode bn) {
        Map<String, NDArray> p = parameters(b);
        WeightSource.BatchNorm v = src.norm(bn.layer());
        set(p, "gamma", v.gamma(), n);
        set(p, "beta", v.beta(), n);
        set(p, "runningMean", v.mean(), n);
        set(p, "runningVar", v.var(), n);
      } else if (n instanceof FcNode f) {
        Map<String, NDArray> p = parameters(b);
        set(p, "weight", src.fcWeight(f), n);
        set(p, "bias", src.fcBias(f), n);
      }
    }
  }

  private static Map<String, NDArray> parameters(Block b) {
    Map<String, NDArray> out = new HashMap<>();
    for (Pair<String, Parameter> p : b.getParameters()) {
      out.put(p.getKey(), p.getValue().getArray());
    }
    return out;
  }

  private static void set(Map<String, NDArray> p, String name, float[] values, Node n) {
    NDArray a = p.get(name);
    if (a == null || values == null || a.size() != values.length) {
      throw new IllegalArgumentException("layer " + n.address() + ": cannot set " + name + " ("
          + (a == null ? "absent" : a.size() + " values") + ") from " + (values == null ? "nothing" : values.length
          + " values"));
    }
    a.set(values);
  }
}
