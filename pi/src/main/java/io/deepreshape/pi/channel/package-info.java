/**
 * Two-party message channels for the private-inference engine: a {@link
 * io.deepreshape.pi.channel.Channel} interface with an in-process pair for tests and a TCP
 * implementation, length-framed typed messages with a size limit that can change during a session,
 * read timeouts for each silence and deadlines for a whole phase, byte counts per direction and per
 * protocol phase, and a wrapper that throttles to a given bandwidth and latency to emulate LAN/WAN
 * links (PI-ENGINE.md section 3, "channel").
 */
package io.deepreshape.pi.channel;
