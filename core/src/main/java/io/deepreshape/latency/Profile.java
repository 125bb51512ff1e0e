package io.deepreshape.latency;

import java.util.List;
import java.util.Map;

/**
 * A protocol profile: named constants with their sources and the measurements it is calibrated on.
 * Required constants are listed in {@link #REQUIRED}.
 */
public record Profile(String name, String description, String garbler, Map<String, Constant> constants,
    List<CalibrationPoint> calibration) {

  public static final List<String> REQUIRED = List.of(
      "he_offline_us_per_mac", "gc_offline_us_per_relu", "online_us_per_relu", "online_us_per_mac",
      "reuse_element_relu_fraction", "offline_bytes_down_per_relu", "offline_bytes_up_per_relu",
      "he_bytes_per_element", "online_bytes_down_per_relu", "online_bytes_up_per_relu",
      "client_storage_bytes_per_relu");

  public Profile {
    constants = Map.copyOf(constants);
    calibration = List.copyOf(calibration);
  }

  public double value(String constant) {
    Constant c = constants.get(constant);
    if (c == null) {
      throw new IllegalStateException("profile " + name + " has no constant " + constant);
    }
    return c.value();
  }
}
