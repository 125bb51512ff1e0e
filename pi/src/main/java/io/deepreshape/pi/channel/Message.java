package io.deepreshape.pi.channel;

/**
 * One framed message: a one-byte type chosen by the protocol and its payload.
 *
 * @param type the protocol-defined message type
 * @param payload the payload bytes (owned by the receiver)
 */
public record Message(byte type, byte[] payload) {}
