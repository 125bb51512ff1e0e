/**
 * The two-party inference protocol of PI-ENGINE.md section 2 (Delphi's structure, Mishra et al.,
 * USENIX Security 2020, on a power-of-two ring): offline, homomorphic linear layers on the client's
 * masks (Cheetah's HomConv/HomFC) and garbled ReLU, truncation and reuse circuits with the client's
 * labels by correlated OT; online, plain linear layers on masked values and one garbled layer per
 * round trip. Client and server sessions, a TCP server with limits per client (deadlines, a queue,
 * message sizes; issue 15), a local runner and per-step cost reports.
 */
package io.deepreshape.pi.protocol;
