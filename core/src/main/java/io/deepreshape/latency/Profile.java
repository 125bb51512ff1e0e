package io.deepreshape.latency;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A protocol profile: named constants with their sources and the measurements it is calibrated on.
 * Required constants are listed in {@link #REQUIRED}, those with a default in {@link #OPTIONAL}.
 */
public record Profile(String name, String description, String garbler, Map<String, Constant> constants,
    List<CalibrationPoint> calibration) {

  public static final List<String> REQUIRED = List.of(
      "he_offline_us_per_mac", "gc_offline_us_per_relu", "online_us_per_relu", "online_us_per_mac",
      "reuse_element_relu_fraction", "offline_bytes_down_per_relu", "offline_bytes_up_per_relu",
      "he_bytes_per_element", "online_bytes_down_per_relu", "online_bytes_up_per_relu",
      "client_storage_bytes_per_relu");

  /** Ring degree of the engine's HE ciphertexts (BFV, N = 8192: the smallest that holds the
   * session's flooding at 128-bit security, docs/security.md). */
  public static final double DEFAULT_POLY_DEGREE = 8192;

  /**
   * Constants a profile may leave out, with the value they then take: the terms of Cheetah-packed HE
   * (costs per polynomial product and per ciphertext), which the Delphi-calibrated profiles do not use,
   * and the client's storage tier (a client_memory_limit_bytes of 0 keeps everything in memory; above
   * a positive limit the garbled material goes to a file and every ReLU costs
   * gc_offline_us_per_relu_from_file more offline and online_us_per_relu_from_file more online), a fixed online cost per ReLU layer, a fixed offline set-up per inference, and the cost of an element
   * whose ReLU was culled, as a fraction of a ReLU's.
   */
  public static final Map<String, Double> OPTIONAL = Map.ofEntries(
      Map.entry("he_poly_degree", DEFAULT_POLY_DEGREE),
      Map.entry("he_offline_us_per_product", 0.0),
      Map.entry("he_offline_us_per_input_poly", 0.0),
      Map.entry("he_offline_us_per_output_poly", 0.0),
      Map.entry("he_bytes_per_input_poly", 0.0),
      Map.entry("he_bytes_per_output_poly", 0.0),
      Map.entry("client_memory_limit_bytes", 0.0),
      Map.entry("online_ms_per_relu_layer", 0.0),
      Map.entry("offline_setup_s", 0.0),
      Map.entry("culled_element_relu_fraction", 0.0),
      Map.entry("online_us_per_relu_from_file", 0.0),
      Map.entry("gc_offline_us_per_relu_from_file", 0.0),
      Map.entry("truncation_element_relu_fraction", 0.75),
      Map.entry("maxpool_comparison_relu_fraction", 110.0 / 96.0));

  /**
   * Where the defaults of the engine's garbled layers without a ReLU come from; a profile that gives
   * culled_element_relu_fraction (the same identity circuit) and no truncation_element_relu_fraction
   * charges a truncation at that value.
   */
  public static final Map<String, String> DEFAULT_SOURCES = Map.of(
      "truncation_element_relu_fraction",
      "derived from the engine's circuits at l = 37, s = 12 (ReluCircuits): a truncation is the identity circuit of"
          + " 2(l-1) = 72 AND gates against 3(l-1)-s = 96 for a ReLU; a max-pool window's adder and re-mask cost the same",
      "maxpool_comparison_relu_fraction",
      "derived from the engine's circuits at l = 37, s = 12 (ReluCircuits): a max-pool comparison adds one share"
          + " pair and keeps the larger word, 3l-1 = 110 AND gates, against 96 for a ReLU");

  public Profile {
    constants = Collections.unmodifiableMap(new LinkedHashMap<>(constants)); // keeps the order
    calibration = List.copyOf(calibration);
  }

  public double value(String constant) {
    Constant c = constants.get(constant);
    if (c == null && constant.equals("truncation_element_relu_fraction")
        && constants.containsKey("culled_element_relu_fraction")) {
      return constants.get("culled_element_relu_fraction").value();
    }
    if (c == null && OPTIONAL.containsKey(constant)) {
      return OPTIONAL.get(constant);
    }
    if (c == null) {
      throw new IllegalStateException("profile " + name + " has no constant " + constant);
    }
    return c.value();
  }
}
