package io.deepreshape.train.optimize;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Copies parameters between two models of the same layout by hierarchical name and shape. ReLU layers
 * are leaves, so a convolution or batch norm has the same name whether the ReLU layers around it are
 * {@code ReluModeBlock}s in any mode or SNL mask blocks: a teacher's weights initialise a reduced
 * student, and a mask-trained network's weights initialise its binarised spec (masks are left out).
 */
public final class ParameterTransfer {
  private ParameterTransfer() {}

  /**
   * Replaces every initialised parameter of {@code to} that {@code from} has under the same name and
   * shape; returns how many were copied. New arrays are created in {@code manager} (the target model's).
   */
  public static int copy(Block from, Block to, NDManager manager) throws IOException {
    Map<String, Parameter> source = new HashMap<>();
    for (Pair<String, Parameter> p : from.getParameters()) {
      source.put(p.getKey(), p.getValue());
    }
    int copied = 0;
    for (Pair<String, Parameter> p : to.getParameters()) {
      Parameter target = p.getValue();
      Parameter src = source.get(p.getKey());
      if (src == null || !src.isInitialized() || !src.getArray().getShape().equals(target.getArray().getShape())) {
        continue;
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        src.save(out);
      }
      try {
        target.load(manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
      } catch (MalformedModelException e) {
        throw new IOException("cannot copy parameter " + p.getKey() + ": " + e.getMessage(), e);
      }
      if (target.requiresGradient()) {
        target.getArray().setRequiresGradient(true);
      }
      copied++;
    }
    return copied;
  }
}
