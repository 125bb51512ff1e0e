package io.deepreshape.pi.protocol;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The wire format spelt out byte by byte, for tests that play a peer over a raw socket: the greeting,
 * a client's hello and the server's frames. Written here rather than taken from the engine, so that a
 * change to the engine's framing shows up as a failing test.
 */
final class RawPeer {
  /** "DRPI", then the frame-format version 1. */
  static final byte[] GREETING = {'D', 'R', 'P', 'I', 0, 0, 0, 1};

  private RawPeer() {}

  /** Sends the greeting and a hello frame of {@code payload} (at most 255 bytes), then reads the server's greeting. */
  static void greetAndHello(OutputStream out, DataInputStream in, byte[] payload) throws IOException {
    out.write(GREETING);
    out.write(new byte[] {Msg.HELLO, 0, 0, 0, (byte) payload.length});
    out.write(payload);
    out.flush();
    in.readFully(new byte[GREETING.length]);
  }

  /** A frame as its type byte followed by its payload. */
  static byte[] frame(DataInputStream in) throws IOException {
    byte type = in.readByte();
    byte[] f = new byte[1 + in.readInt()];
    f[0] = type;
    in.readFully(f, 1, f.length - 1);
    return f;
  }
}
