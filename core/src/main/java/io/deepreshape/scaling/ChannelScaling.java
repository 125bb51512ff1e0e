package io.deepreshape.scaling;

import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.SpecException;
import io.deepreshape.spec.StageSpec;
import io.deepreshape.spec.StemSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Channel-scaling generators (DEEPRESHAPE.md section 2): pure functions from a base spec to scaled
 * specs. Input, block type, stage depths {@code phi} and the stem type come from the base; widths are
 * {@code C_1 = m}, {@code C_{i+1} = f_i * C_i}. The stem's channel count follows {@code m} when it
 * equalled the base's {@code m} (ResNets) and is kept otherwise (WideResNet's 16-channel stem). ReLU
 * modes are dropped: scaling designs architectures; reductions apply afterwards.
 */
public final class ChannelScaling {
  /** Largest stage width a generator produces (guards overflow in downstream products). */
  public static final long MAX_WIDTH = 1L << 20;

  private ChannelScaling() {}

  /** The base with widths {@code m, m f_1, m f_1 f_2, ...}, named {@code <base>-m<m>-f<f1>x<f2>...}. */
  public static NetworkSpec withFactors(NetworkSpec base, int m, int[] factors) {
    if (factors.length != base.depth() - 1) {
      throw new SpecException(base.name() + " has " + base.depth() + " stages and needs " + (base.depth() - 1)
          + " channel factors, got " + factors.length);
    }
    if (m < 1) {
      throw new SpecException("base width m must be >= 1, was " + m);
    }
    List<StageSpec> stages = new ArrayList<>(base.depth());
    long width = m;
    for (int i = 0; i < base.depth(); i++) {
      if (i > 0) {
        if (factors[i - 1] < 1) {
          throw new SpecException("channel factor f_" + i + " must be >= 1, was " + factors[i - 1]);
        }
        width *= factors[i - 1];
      }
      if (width > MAX_WIDTH) {
        throw new SpecException("stage S" + (i + 1) + " width would be " + width + ", above " + MAX_WIDTH);
      }
      stages.add(new StageSpec(base.stages().get(i).phi(), (int) width));
    }
    int stemChannels = base.stemChannels() == base.baseWidth() ? m : base.stemChannels();
    return new NetworkSpec(label(base.name(), m, factors), base.input(), new StemSpec(base.stem().type(), stemChannels),
        base.block(), stages);
  }

  /** Integer factors of the base (fails if a stage width is not a multiple of the previous one). */
  public static int[] integerFactors(NetworkSpec base) {
    int[] f = new int[base.depth() - 1];
    for (int i = 0; i < f.length; i++) {
      int a = base.stages().get(i).width();
      int b = base.stages().get(i + 1).width();
      if (b % a != 0) {
        throw new SpecException(base.name() + ": stage S" + (i + 2) + " width " + b + " is not an integer multiple of S"
            + (i + 1) + " width " + a + "; channel scaling needs integer factors");
      }
      f[i] = b / a;
    }
    return f;
  }

  /** BaseCh: base width {@code m}, the base's factors. */
  public static NetworkSpec baseCh(NetworkSpec base, int m) {
    return withFactors(base, m, integerFactors(base));
  }

  /** StageCh: the base's {@code m}, every factor {@code f}. */
  public static NetworkSpec stageCh(NetworkSpec base, int f) {
    int[] factors = new int[base.depth() - 1];
    java.util.Arrays.fill(factors, f);
    return withFactors(base, base.baseWidth(), factors);
  }

  /** Heterogeneous: the base's {@code m}, the given factors. */
  public static NetworkSpec heterogeneous(NetworkSpec base, int[] factors) {
    return withFactors(base, base.baseWidth(), factors);
  }

  /**
   * The family of {@code method} over {@code values}: for BaseCh and StageCh each value is one
   * integer ({@code m}, resp. {@code f}); for heterogeneous each value is a factor vector.
   */
  public static List<NetworkSpec> family(NetworkSpec base, ScalingMethod method, List<int[]> values) {
    List<NetworkSpec> out = new ArrayList<>(values.size());
    for (int[] v : values) {
      if (method != ScalingMethod.HETEROGENEOUS && v.length != 1) {
        throw new SpecException(method.key() + " takes one integer per family member, got " + v.length);
      }
      out.add(switch (method) {
        case BASECH -> baseCh(base, v[0]);
        case STAGECH -> stageCh(base, v[0]);
        case HETEROGENEOUS -> heterogeneous(base, v);
      });
    }
    return out;
  }

  /** {@code <base>-m<m>-f<f1>x<f2>...}: a name safe as a file name. */
  public static String label(String base, int m, int[] factors) {
    String root = base.replaceAll("-m\\d+-f[0-9x]+$", "").replaceAll("[^A-Za-z0-9._-]", "_");
    return root + "-m" + m + "-f" + IntStream.of(factors).mapToObj(String::valueOf).collect(Collectors.joining("x"));
  }
}
