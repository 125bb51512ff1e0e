package io.deepreshape.latency;

import io.deepreshape.accounting.LayerCost;
import io.deepreshape.accounting.LayerKind;
import io.deepreshape.accounting.NetworkCost;
import java.util.List;

/**
 * Estimates HE+GC private-inference latency from an accounting (DEEPRESHAPE.md section 7):
 * <ul>
 *   <li>offline linear = he_offline_us_per_mac x MACs, plus HE ciphertext transfer;</li>
 *   <li>offline non-linear = gc_offline_us_per_relu x ReLU-equivalents, plus circuit and OT transfer;</li>
 *   <li>online linear = online_us_per_mac x MACs;</li>
 *   <li>online non-linear = online_us_per_relu x ReLU-equivalents, plus label transfer and one round
 *       trip per ReLU layer.</li>
 * </ul>
 * A ReLU-equivalent is one ReLU; in a {@code reuse:r} layer each of the C*H*W elements costs
 * {@code reuse_element_relu_fraction} of a ReLU and each comparison the rest.
 */
public final class LatencyModel {
  private LatencyModel() {}

  public static LatencyEstimate estimate(NetworkCost cost, Profile profile, NetworkSetting net) {
    return estimate(cost.layers(), profile, net);
  }

  /**
   * What the model's cost terms multiply: MACs of linear layers, ReLU-equivalents, HE input and output
   * elements of linear layers, and the number of layers with ReLUs (one round trip each online).
   */
  public record Counts(double macs, double reluEq, double heIn, double heOut, int reluLayers) {}

  /** The counts of {@code layers}, a reuse element costing {@code reuseElementFraction} of a ReLU. */
  public static Counts counts(List<LayerCost> layers, double reuseElementFraction) {
    double macs = 0;
    double reluEq = 0;
    double heIn = 0;
    double heOut = 0;
    int reluLayers = 0;
    double e = reuseElementFraction;
    for (LayerCost l : layers) {
      if (l.kind() == LayerKind.CONV || l.kind() == LayerKind.FC) {
        macs += l.flops();
        heIn += l.inputs();
        heOut += l.activations();
      } else if (l.kind() == LayerKind.RELU) {
        reluEq += l.reuseMuxes() > 0 ? l.relus() * (1 - e) + l.reuseMuxes() * e : l.relus();
        if (l.relus() > 0 || l.reuseMuxes() > 0) {
          reluLayers++;
        }
      }
    }
    return new Counts(macs, reluEq, heIn, heOut, reluLayers);
  }

  /** Estimate for the given layers only (e.g. one stage's rows). */
  public static LatencyEstimate estimate(List<LayerCost> layers, Profile p, NetworkSetting net) {
    Counts c = counts(layers, p.value("reuse_element_relu_fraction"));
    double macs = c.macs();
    double reluEq = c.reluEq();
    double heIn = c.heIn();
    double heOut = c.heOut();
    int reluLayers = c.reluLayers();
    double heUp = heIn * p.value("he_bytes_per_element");
    double heDown = heOut * p.value("he_bytes_per_element");
    double gcUp = reluEq * p.value("offline_bytes_up_per_relu");
    double gcDown = reluEq * p.value("offline_bytes_down_per_relu");
    double onUp = reluEq * p.value("online_bytes_up_per_relu");
    double onDown = reluEq * p.value("online_bytes_down_per_relu");
    double offLinear = macs * p.value("he_offline_us_per_mac") * 1e-6
        + NetworkSetting.seconds(heUp, net.upMbps()) + NetworkSetting.seconds(heDown, net.downMbps());
    double offNonlinear = reluEq * p.value("gc_offline_us_per_relu") * 1e-6
        + NetworkSetting.seconds(gcUp, net.upMbps()) + NetworkSetting.seconds(gcDown, net.downMbps());
    double onLinear = macs * p.value("online_us_per_mac") * 1e-6;
    double onNonlinear = reluEq * p.value("online_us_per_relu") * 1e-6 + NetworkSetting.seconds(onUp, net.upMbps())
        + NetworkSetting.seconds(onDown, net.downMbps()) + reluLayers * net.rttMs() * 1e-3;
    return new LatencyEstimate(offLinear, offNonlinear, onLinear, onNonlinear, gcUp + heUp, gcDown + heDown, onUp, onDown,
        reluEq * p.value("client_storage_bytes_per_relu"));
  }
}
