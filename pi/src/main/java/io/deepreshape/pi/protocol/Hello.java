package io.deepreshape.pi.protocol;

import io.deepreshape.pi.channel.ChannelException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The client's hello: its engine protocol ({@link ServerInfo#PROTOCOL}, 4 bytes) and the
 * network-shape hash it expects ({@link ShapeHash}, 32 bytes). A hello of 32 bytes is an older
 * client's, which sent the hash alone.
 */
final class Hello {
  private static final int HASH = 32;

  private Hello() {}

  static byte[] of(byte[] shapeHash) {
    return ByteBuffer.allocate(4 + shapeHash.length).putInt(ServerInfo.PROTOCOL).put(shapeHash).array();
  }

  /** The shape hash of a hello; a client of another protocol is refused by name. */
  static byte[] shape(byte[] hello) {
    int theirs = hello.length == HASH ? 1 : hello.length == 4 + HASH ? ByteBuffer.wrap(hello).getInt() : -1;
    if (theirs != ServerInfo.PROTOCOL) {
      throw new ChannelException(theirs < 0 ? "protocol error: a hello of " + hello.length
          + " bytes, expected " + (4 + HASH) : ServerInfo.mismatch("client", theirs));
    }
    return Arrays.copyOfRange(hello, 4, hello.length);
  }
}
