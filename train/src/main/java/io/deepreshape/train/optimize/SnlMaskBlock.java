package io.deepreshape.train.optimize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import io.deepreshape.layout.ReluLayer;

/**
 * SNL's trainable ReLU/identity mask, per channel (Cho et al., "Selective Network Linearization for
 * Efficient Private Inference", ICML 2022): {@code y = alpha * relu(x) + (1 - alpha) * x} with one
 * {@code alpha} per channel, initialised to 1 (a plain ReLU). An L1 penalty on {@code alpha} drives
 * channels towards identity; a channel with {@code alpha > 0.01} counts as a live ReLU.
 */
public final class SnlMaskBlock extends AbstractBlock {
  private final ReluLayer layer;
  private final Parameter alpha;

  public SnlMaskBlock(ReluLayer layer) {
    super((byte) 1);
    this.layer = layer;
    this.alpha = addParameter(Parameter.builder().setName("alpha").setType(Parameter.Type.OTHER)
        .optShape(new Shape(layer.channels())).optInitializer(new ConstantInitializer(1f)).build());
  }

  public ReluLayer layer() {
    return layer;
  }

  /** The mask parameter ({@code C} values). */
  public Parameter alpha() {
    return alpha;
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray a = store.getValue(alpha, x.getDevice(), training).reshape(1, layer.channels(), 1, 1);
    // alpha * relu(x) + (1 - alpha) * x = x + alpha * (relu(x) - x)
    NDArray relu = x.maximum(0f);
    return new NDList(x.add(relu.sub(x).mul(a)));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }

  @Override
  public String toString() {
    return "SnlMask[" + layer.address() + ", " + layer.channels() + " channels]";
  }
}
