package io.deepreshape.latency;

/**
 * A measured end-to-end run a profile is checked against; {@code heldOut} marks one that was measured
 * but not used to fit the profile's constants.
 */
public record CalibrationPoint(String preset, String dataset, double offlineSeconds, double onlineSeconds,
    String source, boolean heldOut) {

  public CalibrationPoint(String preset, String dataset, double offlineSeconds, double onlineSeconds, String source) {
    this(preset, dataset, offlineSeconds, onlineSeconds, source, false);
  }
}
