package io.deepreshape.pi.channel;

/** The protocol phase that bytes are counted against (Delphi's offline/online split). */
public enum Phase {
  /** Input-independent preprocessing: HE for linear layers, garbling, oblivious transfer. */
  OFFLINE,
  /** Input-dependent work once the client's image is known. */
  ONLINE
}
