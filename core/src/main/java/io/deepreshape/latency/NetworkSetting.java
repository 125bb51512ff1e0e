package io.deepreshape.latency;

import io.deepreshape.error.UserInputException;

/** Link between client and server: bandwidth each way (0 = unlimited) and round-trip time. */
public record NetworkSetting(String name, double upMbps, double downMbps, double rttMs, String source) {
  public NetworkSetting {
    if (upMbps < 0 || downMbps < 0 || rttMs < 0) {
      throw new UserInputException("network " + name + ": bandwidths and RTT must be >= 0");
    }
  }

  /** Seconds to move {@code bytes} at {@code mbps} (0 when unlimited). */
  static double seconds(double bytes, double mbps) {
    return mbps == 0 ? 0 : bytes * 8 / (mbps * 1e6);
  }
}
