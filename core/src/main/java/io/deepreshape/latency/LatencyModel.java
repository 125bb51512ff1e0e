package io.deepreshape.latency;

import io.deepreshape.accounting.LayerCost;
import io.deepreshape.accounting.LayerKind;
import io.deepreshape.accounting.NetworkCost;
import io.deepreshape.graph.EnginePlan;
import io.deepreshape.graph.Node;
import io.deepreshape.graph.ReluNode;
import java.util.List;

/**
 * Estimates HE+GC private-inference latency from an accounting (DEEPRESHAPE.md section 7):
 * <ul>
 *   <li>offline linear = he_offline_us_per_mac x MACs (plus, for profiles of a Cheetah-packed engine,
 *       he_offline_us_per_product x polynomial products + he_offline_us_per_input_poly x input
 *       ciphertexts + he_offline_us_per_output_poly x output ciphertexts), plus HE ciphertext
 *       transfer;</li>
 *   <li>offline non-linear = gc_offline_us_per_relu x ReLU-equivalents (plus gc_offline_us_per_relu_from_file
 *       each when the client stores its garbled material in a file), plus circuit and OT transfer, plus the
 *       session's set-up offline_setup_s (keys, base OTs);</li>
 *   <li>online linear = online_us_per_mac x MACs;</li>
 *   <li>online non-linear = online_us_per_relu x ReLU-equivalents (plus online_us_per_relu_from_file
 *       each when the client's garbled material exceeds client_memory_limit_bytes and is read back from
 *       a file), plus label transfer and, per ReLU layer, one round trip and online_ms_per_relu_layer.</li>
 * </ul>
 * A ReLU-equivalent is one ReLU; in a {@code reuse:r} layer each of the C*H*W elements costs
 * {@code reuse_element_relu_fraction} of a ReLU and each comparison the rest; an element of a culled
 * (identity) position costs {@code culled_element_relu_fraction} of a ReLU (0 in the paper's accounting);
 * an element the engine truncates without a ReLU ({@link io.deepreshape.graph.Truncations}) and a max-pool
 * window's adder and re-mask cost {@code truncation_element_relu_fraction}, each max-pool comparison
 * {@code maxpool_comparison_relu_fraction}; a layer with any of these is a garbled layer (one round trip
 * online). The HE ciphertexts and the garbled layers the engine adds come from the {@link EnginePlan} of
 * the accounting's graph.
 */
public final class LatencyModel {
  private LatencyModel() {}

  /** The whole network's estimate: its layers plus the session's set-up (offline_setup_s, offline non-linear). */
  public static LatencyEstimate estimate(NetworkCost cost, Profile profile, NetworkSetting net) {
    LatencyEstimate e = estimate(cost, cost.layers(), profile, net);
    return new LatencyEstimate(e.offlineLinearS(), e.offlineNonlinearS() + profile.value("offline_setup_s"),
        e.onlineLinearS(), e.onlineNonlinearS(), e.offlineBytesUp(), e.offlineBytesDown(), e.onlineBytesUp(),
        e.onlineBytesDown(), e.clientStorageBytes());
  }

  /**
   * What the model's cost terms multiply: MACs of linear layers, ReLU-equivalents, HE input and output
   * elements of linear layers, the number of garbled layers (one round trip each online), the
   * ciphertexts of the engine's packing ({@link io.deepreshape.packing}) at the profile's ring degree:
   * input and output polynomials and ciphertext-by-plaintext products, and the engine's truncated
   * elements and max-pool comparisons and windows (already charged in {@code reluEq}).
   */
  public record Counts(double macs, double reluEq, double heIn, double heOut, int reluLayers,
      double heInPolys, double heOutPolys, double heProducts, double truncations, double poolComparisons,
      double poolWindows) {}

  /**
   * What a layer's garbled elements cost in ReLUs: a reuse element, an element of a culled (identity)
   * position, an element the engine truncates without a ReLU, a max-pool comparison.
   */
  public record Fractions(double reuseElement, double culledElement, double truncation, double poolComparison) {
    /** The fractions {@code p} gives. */
    public static Fractions of(Profile p) {
      return new Fractions(p.value("reuse_element_relu_fraction"), p.value("culled_element_relu_fraction"),
          p.value("truncation_element_relu_fraction"), p.value("maxpool_comparison_relu_fraction"));
    }
  }

  /** The counts of {@code layers} at the default ring degree, culled elements free (rows alone: no HE plan). */
  public static Counts counts(List<LayerCost> layers, double reuseElementFraction) {
    return counts(null, layers, new Fractions(reuseElementFraction, 0, 0, 0), (int) Profile.DEFAULT_POLY_DEGREE);
  }

  /**
   * The ReLU counts of {@code layers} alone (no HE plan, no truncations: pass the {@link NetworkCost}
   * for those), culled elements costing {@code culledElementFraction} of a ReLU.
   */
  public static Counts counts(List<LayerCost> layers, double reuseElementFraction, int polyDegree,
      double culledElementFraction) {
    return counts(null, layers, new Fractions(reuseElementFraction, culledElementFraction, 0, 0), polyDegree);
  }

  /**
   * The counts of a whole network, a reuse element costing {@code reuseElementFraction} of a ReLU, an
   * element of a culled (identity) ReLU position {@code culledElementFraction} of one, HE ciphertexts
   * of degree {@code polyDegree}; the engine's truncations and max-pool circuits at the defaults of
   * {@link Profile#OPTIONAL}.
   */
  public static Counts counts(NetworkCost cost, double reuseElementFraction, int polyDegree,
      double culledElementFraction) {
    return counts(cost, cost.layers(), new Fractions(reuseElementFraction, culledElementFraction,
        Profile.OPTIONAL.get("truncation_element_relu_fraction"), Profile.OPTIONAL.get("maxpool_comparison_relu_fraction")),
        polyDegree);
  }

  /** The counts of {@code layers} under profile {@code p}, HE and truncations planned on {@code cost}'s graph. */
  public static Counts counts(NetworkCost cost, List<LayerCost> layers, Profile p) {
    return counts(cost, layers, Fractions.of(p), (int) p.value("he_poly_degree"));
  }

  /**
   * The counts of {@code layers} (rows of {@code cost}, or ReLU rows of a graph with the same shapes); the HE
   * ciphertexts, truncations and max-pool circuits come from the {@link EnginePlan} of {@code cost}'s
   * graph, and are 0 without one (a null {@code cost}, or a cost assembled by hand).
   */
  public static Counts counts(NetworkCost cost, List<LayerCost> layers, Fractions f, int polyDegree) {
    EnginePlan plan = cost == null || cost.graph() == null ? null : EnginePlan.of(cost.graph(), polyDegree);
    double macs = 0;
    double reluEq = 0;
    double heIn = 0;
    double heOut = 0;
    double inPolys = 0;
    double outPolys = 0;
    double products = 0;
    double truncations = 0;
    double comparisons = 0;
    double windows = 0;
    int reluLayers = 0;
    double e = f.reuseElement();
    for (LayerCost l : layers) {
      if (l.kind() == LayerKind.CONV || l.kind() == LayerKind.FC) {
        macs += l.macs();
        heIn += l.inputs();
        heOut += l.activations();
      } else if (l.kind() == LayerKind.RELU) {
        reluEq += l.reuseMuxes() > 0 ? l.relus() * (1 - e) + l.reuseMuxes() * e : l.relus();
        long culled = l.reuseMuxes() == 0 && l.layer() instanceof ReluNode r ? r.layer().elements() - l.relus() : 0;
        reluEq += culled * f.culledElement();
        if (l.relus() > 0 || l.reuseMuxes() > 0 || (culled > 0 && f.culledElement() > 0)) {
          reluLayers++;
        }
      }
      if (plan != null && l.layer() instanceof Node n) {
        int id = n.id();
        if (id < plan.graph().size() && plan.graph().node(id) == n) {
          inPolys += plan.inputPolys(id);
          outPolys += plan.outputPolys(id);
          products += plan.products(id);
          long t = plan.truncations(id);
          long w = plan.poolWindows(id);
          long cmp = plan.poolComparisons(id);
          double eq = (t + w) * f.truncation() + cmp * f.poolComparison();
          truncations += t;
          comparisons += cmp;
          windows += w;
          reluEq += eq;
          if (eq > 0) {
            reluLayers++;
          }
        }
      }
    }
    return new Counts(macs, reluEq, heIn, heOut, reluLayers, inPolys, outPolys, products, truncations, comparisons,
        windows);
  }

  /**
   * Estimate for the given rows of {@code cost} only (e.g. one stage's), without the session's set-up;
   * {@code cost} may be null for rows that hold ReLUs only.
   */
  public static LatencyEstimate estimate(NetworkCost cost, List<LayerCost> layers, Profile p, NetworkSetting net) {
    Counts c = counts(cost, layers, p);
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
    double storage = reluEq * p.value("client_storage_bytes_per_relu");
    boolean file = fromFile(storage, p);
    double offFile = file ? reluEq * p.value("gc_offline_us_per_relu_from_file") * 1e-6 : 0;
    double offNonlinear = reluEq * p.value("gc_offline_us_per_relu") * 1e-6 + offFile
        + NetworkSetting.seconds(gcUp, net.upMbps()) + NetworkSetting.seconds(gcDown, net.downMbps());
    double onLinear = macs * p.value("online_us_per_mac") * 1e-6;
    double onFile = file ? reluEq * p.value("online_us_per_relu_from_file") * 1e-6 : 0;
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
