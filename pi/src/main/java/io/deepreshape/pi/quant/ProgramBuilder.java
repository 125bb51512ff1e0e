package io.deepreshape.pi.quant;

import io.deepreshape.layout.BatchNormLayer;
import io.deepreshape.layout.BlockLayout;
import io.deepreshape.layout.ConvLayer;
import io.deepreshape.layout.HeadLayout;
import io.deepreshape.layout.NetworkLayout;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.layout.StemLayout;
import io.deepreshape.pi.he.ConvShape;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.ReluMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a spec's {@link NetworkLayout} into the step program the protocol runs (PI-ENGINE.md
 * section 2, Delphi's layer structure, Mishra et al. 2020): every convolution with its batch norm
 * folded in; BasicBlock and Bottleneck residual additions summed before their last ReLU with the
 * identity shortcut scaled by {@code 2^s}; the pre-activation WideResNet block's residual sum
 * truncated by an identity circuit, its batch norms as per-channel affine (diagonal 1x1) layers;
 * global average pooling folded into the classifier; the ImageNet stem's max-pool a step of its
 * own, after the stem's ReLU.
 */
public final class ProgramBuilder {
  private final WeightSource src;
  private final List<Step> steps = new ArrayList<>();
  private final List<double[]> weights = new ArrayList<>();
  private final List<double[]> biases = new ArrayList<>();
  private int linearId;

  private ProgramBuilder(WeightSource src) {
    this.src = src;
  }

  /** The program of {@code spec} with parameters from {@code src}. */
  public static FloatNetwork build(NetworkSpec spec, WeightSource src) {
    NetworkLayout layout = NetworkLayout.of(spec);
    ProgramBuilder b = new ProgramBuilder(src);
    int cur = b.stem(layout.stem());
    for (List<BlockLayout> stage : layout.stages()) {
      for (BlockLayout block : stage) {
        cur = b.block(block, cur);
      }
    }
    b.head(layout.head(), cur);
    boolean any = b.weights.stream().anyMatch(w -> w != null);
    return new FloatNetwork(spec, spec.input().channels(), spec.input().height(),
        spec.input().width(), b.steps,
        any ? b.weights.toArray(new double[0][]) : null,
        any ? b.biases.toArray(new double[0][]) : null);
  }

  /** The shape of {@code spec}'s program without parameters (what the client knows). */
  public static FloatNetwork shape(NetworkSpec spec) {
    return build(spec, WeightSource.SHAPE_ONLY);
  }

  private int stem(StemLayout s) {
    LinearOp conv = conv(s.conv(), 0);
    if (s.norm() == null) {
      addConv(s.conv(), null);
      return step("stem", List.of(conv), -1, truncation("stem.trunc", s.conv()));
    }
    addConv(s.conv(), s.norm());
    int out = step("stem", List.of(conv), -1, act(s.relu()));
    if (!s.maxPool()) {
      return out;
    }
    ConvLayer c = s.conv();
    PoolLayer pool = new PoolLayer("stem.maxpool", c.outChannels(), c.outHeight(), c.outWidth(),
        3, 2, 1);
    if (pool.outHeight() != s.outHeight() || pool.outWidth() != s.outWidth()) {
      throw new IllegalArgumentException("layer stem.maxpool: output " + pool.outHeight() + "x"
          + pool.outWidth() + " differs from the layout's " + s.outHeight() + "x" + s.outWidth());
    }
    steps.add(new Step(steps.size(), "stem.maxpool", List.of(), out, null, pool));
    return steps.size();
  }

  private int block(BlockLayout b, int in) {
    return switch (b.type()) {
      case BASIC, BOTTLENECK -> resnetBlock(b, in);
      case WIDE -> wideBlock(b, in);
    };
  }

  /** conv-BN-ReLU ... conv-BN, add (projection conv-BN or identity), ReLU. */
  private int resnetBlock(BlockLayout b, int in) {
    List<ConvLayer> convs = b.convs();
    int cur = in;
    int last = convs.size() - 1;
    for (int i = 0; i < last; i++) {
      LinearOp op = conv(convs.get(i), cur);
      addConv(convs.get(i), b.norms().get(i));
      cur = step(convs.get(i).name(), List.of(op), -1, act(b.relus().get(i)));
    }
    LinearOp main = conv(convs.get(last), cur);
    addConv(convs.get(last), b.norms().get(last));
    ReluLayer out = b.relus().get(last);
    if (b.hasProjection()) {
      LinearOp proj = conv(b.projection(), in);
      addConv(b.projection(), b.projectionNorm());
      return step(convs.get(last).name() + "+shortcut", List.of(main, proj), -1, act(out));
    }
    return step(convs.get(last).name() + "+identity", List.of(main), in, act(out));
  }

  /** BN-ReLU, conv-BN-ReLU, conv, add (projection of the activated input or identity). */
  private int wideBlock(BlockLayout b, int in) {
    List<ConvLayer> convs = b.convs();
    BatchNormLayer bn1 = b.norms().get(0);
    LinearOp affine = affine(bn1, in);
    addAffine(src.norm(bn1));
    int z = step(bn1.name(), List.of(affine), -1, act(b.relus().get(0)));
    LinearOp c1 = conv(convs.get(0), z);
    addConv(convs.get(0), b.norms().get(1));
    int t = step(convs.get(0).name(), List.of(c1), -1, act(b.relus().get(1)));
    LinearOp c2 = conv(convs.get(1), t);
    addConv(convs.get(1), null);
    ActLayer sum = truncation("s" + b.stage() + ".b" + b.index() + ".add.trunc", convs.get(1));
    if (b.hasProjection()) {
      LinearOp proj = conv(b.projection(), z);
      addConv(b.projection(), null);
      return step(convs.get(1).name() + "+shortcut", List.of(c2, proj), -1, sum);
    }
    return step(convs.get(1).name() + "+identity", List.of(c2), in, sum);
  }

  private void head(HeadLayout h, int in) {
    int cur = in;
    if (h.norm() != null) {
      LinearOp affine = affine(h.norm(), cur);
      addAffine(src.norm(h.norm()));
      cur = step(h.norm().name(), List.of(affine), -1, act(h.relu()));
    }
    int hw = h.poolHeight() * h.poolWidth();
    LinearOp fc = new LinearOp(linearId++, "head.fc", cur, null, h.features() * hw, h.classes());
    float[] w = src.fcWeight(h);
    float[] bias = src.fcBias(h);
    if (w == null) {
      weights.add(null);
      biases.add(null);
    } else {
      double[] folded = new double[h.classes() * h.features() * hw];
      for (int m = 0; m < h.classes(); m++) {
        for (int c = 0; c < h.features(); c++) {
          double v = w[m * h.features() + c] / (double) hw;
          for (int p = 0; p < hw; p++) {
            folded[(m * h.features() + c) * hw + p] = v;
          }
        }
      }
      weights.add(folded);
      biases.add(toDouble(bias));
    }
    steps.add(new Step(steps.size(), "head.fc", List.of(fc), -1, null));
  }

  private int step(String name, List<LinearOp> ops, int shortcut, ActLayer act) {
    steps.add(new Step(steps.size(), name, ops, shortcut, act));
    return steps.size();
  }

  private LinearOp conv(ConvLayer c, int input) {
    ConvShape shape = new ConvShape(c.inChannels(), c.inHeight(), c.inWidth(), c.outChannels(),
        c.kernel(), c.stride(), c.padding());
    return new LinearOp(linearId++, c.name(), input, shape, 0, 0);
  }

  private LinearOp affine(BatchNormLayer bn, int input) {
    ConvShape shape = new ConvShape(bn.channels(), bn.height(), bn.width(), bn.channels(), 1, 1, 0);
    return new LinearOp(linearId++, bn.name(), input, shape, 0, 0);
  }

  /** Reads the kernel, then the batch norm (the parameters' order), and folds them. */
  private void addConv(ConvLayer c, BatchNormLayer norm) {
    float[] k = src.conv(c);
    WeightSource.BatchNorm bn = norm == null ? null : src.norm(norm);
    if (k == null) {
      weights.add(null);
      biases.add(null);
      return;
    }
    int m = c.outChannels();
    int per = k.length / m;
    double[] w = new double[k.length];
    double[] bias = new double[m];
    for (int o = 0; o < m; o++) {
      double scale = bn == null ? 1 : bn.scale(o);
      bias[o] = bn == null ? 0 : bn.shift(o);
      for (int i = 0; i < per; i++) {
        w[o * per + i] = k[o * per + i] * scale;
      }
    }
    weights.add(w);
    biases.add(bias);
  }

  private void addAffine(WeightSource.BatchNorm bn) {
    if (bn == null) {
      weights.add(null);
      biases.add(null);
      return;
    }
    int c = bn.gamma().length;
    double[] w = new double[c * c];
    double[] bias = new double[c];
    for (int i = 0; i < c; i++) {
      w[i * c + i] = bn.scale(i);
      bias[i] = bn.shift(i);
    }
    weights.add(w);
    biases.add(bias);
  }

  private static ActLayer act(ReluLayer r) {
    return new ActLayer(r.address().toString(), r.mode(), r.channels(), r.height(), r.width());
  }

  private static ActLayer truncation(String name, ConvLayer c) {
    return new ActLayer(name, ReluMode.IDENTITY, c.outChannels(), c.outHeight(), c.outWidth());
  }

  private static double[] toDouble(float[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }
}
