package io.deepreshape.pi.protocol;

/**
 * What one step of a secure inference cost, measured on the client: wall time per phase, bytes per
 * direction and phase (frame headers included), client storage of garbled material, ReLU
 * comparisons, garbled AND gates and oblivious transfers.
 *
 * @param name step name (or {@code setup} for the handshake and base OTs)
 * @param relus sign comparisons of the layout's ReLUs in this step
 * @param truncations elements truncated and re-masked without a ReLU (identity circuits)
 * @param andGates garbled AND gates
 * @param ots oblivious transfers (one per bit of the client's share)
 * @param macs multiply-accumulates of the step's linear layers
 * @param offlineSeconds offline wall time
 * @param offlineHeSeconds the part of the offline time spent on the step's homomorphic linear layers
 *     (encrypting, the server's evaluation, transfers, decrypting); the rest is garbled circuits and OT
 * @param onlineSeconds online wall time
 * @param onlineLinearSeconds the part of the online time the client waited for the server's linear
 *     layers in the clear: from its last message of the step before to the first of this step's
 *     (labels or logit share); the rest is garbled evaluation and transfers
 * @param offlineUp offline bytes client to server
 * @param offlineDown offline bytes server to client
 * @param onlineUp online bytes client to server
 * @param onlineDown online bytes server to client
 * @param clientStorageBytes garbled tables and labels the client keeps between the phases
 */
public record LayerStats(String name, long relus, long truncations, long andGates, long ots,
    long macs, double offlineSeconds, double offlineHeSeconds, double onlineSeconds, double onlineLinearSeconds, long offlineUp, long offlineDown,
    long onlineUp, long onlineDown, long clientStorageBytes) {
  /** Offline bytes both ways. */
  public long bytesOffline() {
    return offlineUp + offlineDown;
  }

  /** Online bytes both ways. */
  public long bytesOnline() {
    return onlineUp + onlineDown;
  }

  /** The sum of rows, named {@code name}. */
  public static LayerStats sum(String name, Iterable<LayerStats> rows) {
    long relus = 0;
    long trunc = 0;
    long ands = 0;
    long ots = 0;
    long macs = 0;
    double off = 0;
    double offHe = 0;
    double on = 0;
    double onLin = 0;
    long ou = 0;
    long od = 0;
    long nu = 0;
    long nd = 0;
    long st = 0;
    for (LayerStats r : rows) {
      relus += r.relus;
      trunc += r.truncations;
      ands += r.andGates;
      ots += r.ots;
      macs += r.macs;
      off += r.offlineSeconds;
      offHe += r.offlineHeSeconds;
      on += r.onlineSeconds;
      onLin += r.onlineLinearSeconds;
      ou += r.offlineUp;
      od += r.offlineDown;
      nu += r.onlineUp;
      nd += r.onlineDown;
      st += r.clientStorageBytes;
    }
    return new LayerStats(name, relus, trunc, ands, ots, macs, off, offHe, on, onLin, ou, od, nu, nd,
        st);
  }
}
