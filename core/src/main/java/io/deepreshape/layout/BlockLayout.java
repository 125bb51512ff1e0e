package io.deepreshape.layout;

import io.deepreshape.spec.BlockType;
import java.util.List;

/**
 * One residual block: its convolutions and batch norms in execution order, its ReLU layers by
 * position, and the projection shortcut (with its batch norm for ResNet blocks; WideResNet's has none)
 * when the shape changes. {@code stage} and {@code index} count from 1.
 */
public record BlockLayout(
    int stage, int index, BlockType type, int inChannels, int outChannels, int stride,
    List<ConvLayer> convs, List<BatchNormLayer> norms, List<ReluLayer> relus,
    ConvLayer projection, BatchNormLayer projectionNorm) {

  public BlockLayout {
    convs = List.copyOf(convs);
    norms = List.copyOf(norms);
    relus = List.copyOf(relus);
  }

  public boolean hasProjection() {
    return projection != null;
  }

  /** Elements added by the residual addition. */
  public long addElements() {
    ConvLayer last = convs.get(convs.size() - 1);
    return last.outElements();
  }
}
