package io.deepreshape.latency;

/**
 * Estimated PI cost of a network (or part of one): seconds offline and online, each split into linear
 * (HE / secret sharing) and non-linear (GC + OT) parts, communication each way and the client's
 * storage of garbled circuits.
 */
public record LatencyEstimate(
    double offlineLinearS, double offlineNonlinearS, double onlineLinearS, double onlineNonlinearS,
    double offlineBytesUp, double offlineBytesDown, double onlineBytesUp, double onlineBytesDown,
    double clientStorageBytes) {

  public double offlineS() {
    return offlineLinearS + offlineNonlinearS;
  }

  public double onlineS() {
    return onlineLinearS + onlineNonlinearS;
  }

  /** Offline plus online seconds. */
  public double totalS() {
    return offlineS() + onlineS();
  }

  public double bytesTotal() {
    return offlineBytesUp + offlineBytesDown + onlineBytesUp + onlineBytesDown;
  }
}
