package io.deepreshape.latency;

import io.deepreshape.accounting.LayerCost;
import io.deepreshape.accounting.LayerKind;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.layout.BatchNormLayer;
import io.deepreshape.layout.ConvLayer;
import io.deepreshape.layout.ReluLayer;
import io.deepreshape.packing.ConvTiling;
import io.deepreshape.packing.FcPacking;
import java.util.List;

/**
 * Estimates HE+GC private-inference latency from an accounting (DEEPRESHAPE.md section 7):
 * <ul>
 *   <li>offline linear = he_offline_us_per_mac x MACs (plus, for profiles of a Cheetah-packed engine,
 *       he_offline_us_per_product x polynomial products + he_offline_us_per_input_poly x input
 *       ciphertexts + he_offline_us_per_output_poly x output ciphertexts), plus HE ciphertext
 *       transfer;</li>
 *   <li>offline non-linear = gc_offline_us_per_relu x ReLU-equivalents, plus circuit and OT transfer, plus
 *       the session's set-up offline_setup_s (keys, base OTs);</li>
 *   <li>online linear = online_us_per_mac x MACs;</li>
 *   <li>online non-linear = online_us_per_relu x ReLU-equivalents (plus online_us_per_relu_from_file
 *       each when the client's garbled material exceeds client_memory_limit_bytes and is read back from
 *       a file), plus label transfer and, per ReLU layer, one round trip and online_ms_per_relu_layer.</li>
 * </ul>
 * A ReLU-equivalent is one ReLU; in a {@code reuse:r} layer each of the C*H*W elements costs
 * {@code reuse_element_relu_fraction} of a ReLU and each comparison the rest; an element of a culled
 * (identity) position costs {@code culled_element_relu_fraction} of a ReLU (0 in the paper's accounting).
 */
public final class LatencyModel {
  private LatencyModel() {}

  /** The whole network's estimate: its layers plus the session's set-up (offline_setup_s, offline non-linear). */
  public static LatencyEstimate estimate(NetworkCost cost, Profile profile, NetworkSetting net) {
    LatencyEstimate e = estimate(cost.layers(), profile, net);
    return new LatencyEstimate(e.offlineLinearS(), e.offlineNonlinearS() + profile.value("offline_setup_s"),
        e.onlineLinearS(), e.onlineNonlinearS(), e.offlineBytesUp(), e.offlineBytesDown(), e.onlineBytesUp(),
        e.onlineBytesDown(), e.clientStorageBytes());
  }

  /**
   * What the model's cost terms multiply: MACs of linear layers, ReLU-equivalents, HE input and output
   * elements of linear layers, the number of layers with ReLUs (one round trip each online), and the
   * ciphertexts of Cheetah's packing ({@link io.deepreshape.packing}) at the profile's ring degree:
   * input and output polynomials and ciphertext-by-plaintext products.
   */
  public record Counts(double macs, double reluEq, double heIn, double heOut, int reluLayers,
      double heInPolys, double heOutPolys, double heProducts) {}

  /** The counts of {@code layers} at the default ring degree, culled elements free. */
  public static Counts counts(List<LayerCost> layers, double reuseElementFraction) {
    return counts(layers, reuseElementFraction, (int) Profile.DEFAULT_POLY_DEGREE, 0);
  }

  /** The counts of {@code layers} under profile {@code p}. */
  public static Counts counts(List<LayerCost> layers, Profile p) {
    return counts(layers, p.value("reuse_element_relu_fraction"), (int) p.value("he_poly_degree"),
        p.value("culled_element_relu_fraction"));
  }

  /**
   * The counts of {@code layers}, a reuse element costing {@code reuseElementFraction} of a ReLU, an
   * element of a culled (identity) ReLU position {@code culledElementFraction} of one (an engine that
   * truncates in a garbled circuit still pays for it), HE ciphertexts of degree {@code polyDegree}.
   */
  public static Counts counts(List<LayerCost> layers, double reuseElementFraction, int polyDegree,
      double culledElementFraction) {
    double macs = 0;
    double reluEq = 0;
    double heIn = 0;
    double heOut = 0;
    double inPolys = 0;
    double outPolys = 0;
    double products = 0;
    long lastConvOut = 0;
    int reluLayers = 0;
    double e = reuseElementFraction;
    LayerCost previous = null;
    for (LayerCost l : layers) {
      if (l.kind() == LayerKind.BATCH_NORM && l.layer() instanceof BatchNormLayer bn && !foldable(previous, l)) {
        // the engine cannot fold this batch norm into a convolution (pre-activation blocks, the head's):
        // it runs it as a 1x1 convolution of C to C channels under HE
        ConvTiling t = ConvTiling.plan(bn.channels(), bn.height(), bn.width(), 1, 0, polyDegree);
        inPolys += t.inputPolys();
        outPolys += t.outputPolys(bn.channels());
        products += t.products(bn.channels());
      }
      if (l.kind() == LayerKind.CONV || l.kind() == LayerKind.FC) {
        macs += l.flops();
        heIn += l.inputs();
        heOut += l.activations();
        if (l.layer() instanceof ConvLayer c) {
          ConvTiling t = ConvTiling.plan(c.inChannels(), c.inHeight(), c.inWidth(), c.kernel(), c.padding(),
              polyDegree);
          inPolys += t.inputPolys();
          outPolys += t.outputPolys(c.outChannels());
          products += t.products(c.outChannels());
          lastConvOut = c.outElements();
        } else {
          // the engine folds the global average pool into the classifier: it multiplies the C x H x W
          // feature map, not the C pooled features
          long inputs = lastConvOut > 0 ? lastConvOut : l.inputs();
          FcPacking f = FcPacking.plan(Math.toIntExact(inputs), Math.toIntExact(l.activations()), polyDegree);
          inPolys += f.inputPolys();
          outPolys += f.outputPolys();
          products += f.products();
        }
      } else if (l.kind() == LayerKind.RELU) {
        reluEq += l.reuseMuxes() > 0 ? l.relus() * (1 - e) + l.reuseMuxes() * e : l.relus();
        long culled = l.reuseMuxes() == 0 && l.layer() instanceof ReluLayer r ? r.elements() - l.relus() : 0;
        reluEq += culled * culledElementFraction;
        if (l.relus() > 0 || l.reuseMuxes() > 0 || (culled > 0 && culledElementFraction > 0)) {
          reluLayers++;
        }
      }
      previous = l;
    }
    return new Counts(macs, reluEq, heIn, heOut, reluLayers, inPolys, outPolys, products);
  }

  /** A batch norm folds into the convolution right before it in the same block (or stem, or shortcut). */
  private static boolean foldable(LayerCost previous, LayerCost bn) {
    return previous != null && previous.kind() == LayerKind.CONV
        && (block(previous.name()).equals(block(bn.name())) || bn.name().startsWith(previous.name() + "."));
  }

  private static String block(String layerName) {
    int dot = layerName.lastIndexOf('.');
    return dot < 0 ? layerName : layerName.substring(0, dot);
  }

  /** Estimate for the given layers only (e.g. one stage's rows), without the session's set-up. */
  public static LatencyEstimate estimate(List<LayerCost> layers, Profile p, NetworkSetting net) {
    Counts c = counts(layers, p);
    double macs = c.macs();
    double reluEq = c.reluEq();
    double heIn = c.heIn();
    double heOut = c.heOut();
    int reluLayers = c.reluLayers();
    double heUp = heIn * p.value("he_bytes_per_element") + c.heInPolys() * p.value("he_bytes_per_input_poly");
    double heDown = heOut * p.value("he_bytes_per_element") + c.heOutPolys() * p.value("he_bytes_per_output_poly");
    double gcUp = reluEq * p.value("offline_bytes_up_per_relu");
    double gcDown = reluEq * p.value("offline_bytes_down_per_relu");
    double onUp = reluEq * p.value("online_bytes_up_per_relu");
    double onDown = reluEq * p.value("online_bytes_down_per_relu");
    double offLinear = (macs * p.value("he_offline_us_per_mac") + c.heProducts() * p.value("he_offline_us_per_product")
        + c.heInPolys() * p.value("he_offline_us_per_input_poly")
        + c.heOutPolys() * p.value("he_offline_us_per_output_poly")) * 1e-6
        + NetworkSetting.seconds(heUp, net.upMbps()) + NetworkSetting.seconds(heDown, net.downMbps());
    double offNonlinear = reluEq * p.value("gc_offline_us_per_relu") * 1e-6
        + NetworkSetting.seconds(gcUp, net.upMbps()) + NetworkSetting.seconds(gcDown, net.downMbps());
    double onLinear = macs * p.value("online_us_per_mac") * 1e-6;
    double storage = reluEq * p.value("client_storage_bytes_per_relu");
    double onFile = fromFile(storage, p) ? reluEq * p.value("online_us_per_relu_from_file") * 1e-6 : 0;
    double onNonlinear = reluEq * p.value("online_us_per_relu") * 1e-6 + onFile + NetworkSetting.seconds(onUp, net.upMbps())
        + NetworkSetting.seconds(onDown, net.downMbps())
        + reluLayers * (net.rttMs() + p.value("online_ms_per_relu_layer")) * 1e-3;
    return new LatencyEstimate(offLinear, offNonlinear, onLinear, onNonlinear, gcUp + heUp, gcDown + heDown, onUp, onDown,
        storage);
  }

  /** Whether a client holding {@code storageBytes} of garbled material keeps it in a file under {@code p}. */
  public static boolean fromFile(double storageBytes, Profile p) {
    double limit = p.value("client_memory_limit_bytes");
    return limit > 0 && storageBytes > limit;
  }
}
