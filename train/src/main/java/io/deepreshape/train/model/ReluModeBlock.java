package io.deepreshape.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.spec.ReluMode;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A ReLU layer in one of the spec's modes (DEEPRESHAPE.md sections 2 and 6): {@code full} is a ReLU,
 * {@code identity} passes its input through, {@code partial} applies ReLU to the kept channels only (a
 * fixed channel mask), and {@code reuse:r} computes the sign on the first channel of every group of r
 * and applies that 0/1 mask to the whole group. Each forward pass adds the ReLUs (comparisons) it
 * evaluated to a counter, so tests can compare them with the accounting.
 */
public final class ReluModeBlock extends AbstractBlock {
  private final ReluLayer layer;
  private final float[] keepMask;
  private final AtomicLong evaluated = new AtomicLong();

  public ReluModeBlock(ReluLayer layer) {
    super((byte) 1);
    this.layer = layer;
    this.keepMask = keepMask(layer);
  }

  public ReluLayer layer() {
    return layer;
  }

  /** ReLU comparisons evaluated since construction or the last {@link #resetCount()}. */
  public long evaluatedRelus() {
    return evaluated.get();
  }

  public void resetCount() {
    evaluated.set(0);
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    long batch = x.getShape().get(0);
    evaluated.addAndGet(batch * layer.relus());
    ReluMode mode = layer.mode();
    if (mode instanceof ReluMode.Full) {
      return new NDList(Activation.relu(x));
    }
    if (mode instanceof ReluMode.Identity) {
      return new NDList(x);
    }
    if (mode instanceof ReluMode.Reuse r) {
      int c = layer.channels();
      NDArray representatives = x.get(new NDIndex(":, ::" + r.groupSize()));
      NDArray sign = representatives.gt(0).toType(x.getDataType(), false);
      NDArray mask = sign.repeat(1, r.groupSize()).get(new NDIndex(":, :" + c));
      return new NDList(x.mul(mask));
    }
    NDArray keep = x.getManager().create(keepMask, new Shape(1, layer.channels(), 1, 1)).toType(x.getDataType(), false);
    NDArray relu = Activation.relu(x);
    // kept channels take relu(x), the others x: x + keep * (relu(x) - x)
    return new NDList(x.add(relu.sub(x).mul(keep)));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }

  private static float[] keepMask(ReluLayer layer) {
    float[] m = new float[layer.channels()];
    if (layer.mode() instanceof ReluMode.PartialFraction p) {
      for (int i = 0; i < p.keptChannels(layer.channels()); i++) {
        m[i] = 1;
      }
    } else if (layer.mode() instanceof ReluMode.PartialChannels p) {
      BitSet bits = p.channels();
      for (int i = bits.nextSetBit(0); i >= 0 && i < m.length; i = bits.nextSetBit(i + 1)) {
        m[i] = 1;
      }
    }
    return m;
  }

  @Override
  public String toString() {
    return "Relu[" + layer.address() + ", " + layer.mode().text() + "]";
  }
}
