package io.deepreshape.pi.channel;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/**
 * A channel end over a TCP socket. After connecting, both ends exchange an 8-byte greeting so that
 * a peer speaking another protocol is rejected at once. Each message is framed as a type byte, a
 * big-endian four-byte payload length and the payload. Reads time out after the configured
 * interval; a garbage greeting, an oversized length, a truncated message or a disconnect surface as
 * a one-line {@link ChannelException}.
 */
public final class TcpChannel extends AbstractChannel {
  /** The greeting both ends send first: "DRPI", then the frame-format version 1. */
  static final byte[] GREETING = {'D', 'R', 'P', 'I', 0, 0, 0, 1};
  private static final int INITIAL_BUFFER = 1 << 24;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] header = new byte[HEADER_BYTES];
  private volatile boolean closed;

  private TcpChannel(Socket socket, ChannelConfig config) throws IOException {
    super(config);
    this.socket = socket;
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(config.readTimeoutMillis());
    this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
  }

  /**
   * Connects to {@code host:port} and greets the peer; the read timeout also bounds the connection
   * attempt.
   */
  public static TcpChannel connect(String host, int port, ChannelConfig config) {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), config.readTimeoutMillis());
    } catch (IOException e) {
      closeQuietly(socket);
      throw new ChannelException("cannot connect to " + host + ":" + port + ": " + e.getMessage(),
          e);
    }
    return over(socket, config);
  }

  /** Accepts the next connection on {@code server} and greets the peer. */
  public static TcpChannel accept(ServerSocket server, ChannelConfig config) {
    Socket socket;
    try {
      socket = server.accept();
    } catch (IOException e) {
      throw new ChannelException("accept failed: " + e.getMessage(), e);
    }
    return over(socket, config);
  }

  /** Wraps a connected socket and exchanges greetings; closes the socket on failure. */
  public static TcpChannel over(Socket socket, ChannelConfig config) {
    try {
      TcpChannel channel = new TcpChannel(socket, config);
      channel.greet();
      return channel;
    } catch (IOException e) {
      closeQuietly(socket);
      throw new ChannelException("connection to peer failed: " + e.getMessage(), e);
    } catch (ChannelException e) {
      closeQuietly(socket);
      throw e;
    }
  }

  private void greet() throws IOException {
    out.write(GREETING);
    out.flush();
    byte[] got = new byte[GREETING.length];
    readFully(got, 0, got.length, got.length, "greeting");
    if (!Arrays.equals(got, GREETING)) {
      throw new ChannelException("peer is not a deepreshape pi peer: bad greeting bytes "
          + hex(got));
    }
  }

  @Override
  public void send(byte type, byte[] payload, int off, int len) {
    checkRange(payload, off, len);
    if (closed) {
      throw new ChannelException("cannot send: this channel end is closed");
    }
    header[0] = type;
    header[1] = (byte) (len >>> 24);
    header[2] = (byte) (len >>> 16);
    header[3] = (byte) (len >>> 8);
    header[4] = (byte) len;
    try {
      out.write(header);
      out.write(payload, off, len);
      out.flush();
    } catch (IOException e) {
      throw new ChannelException("connection to peer lost while sending: " + e.getMessage(), e);
    }
    countSent(len);
  }

  @Override
  public Message receive() {
    if (closed) {
      throw new ChannelException("cannot receive: this channel end is closed");
    }
    byte[] head = new byte[HEADER_BYTES];
    readFully(head, 0, HEADER_BYTES, HEADER_BYTES, "message header");
    byte type = head[0];
    long length = ((head[1] & 0xffL) << 24) | ((head[2] & 0xff) << 16) | ((head[3] & 0xff) << 8)
        | (head[4] & 0xff);
    checkLength(type, length);
    byte[] payload = readPayload((int) length);
    countReceived(payload.length);
    return new Message(type, payload);
  }

  private byte[] readPayload(int length) {
    byte[] buf = new byte[Math.min(length, INITIAL_BUFFER)];
    int done = 0;
    while (done < length) {
      if (done == buf.length) {
        buf = Arrays.copyOf(buf, (int) Math.min(length, 2L * buf.length));
      }
      int chunk = buf.length - done;
      readFully(buf, done, chunk, length, "message payload");
      done += chunk;
    }
    return buf;
  }

  /**
   * Reads {@code buf[off..off+len)}, which is part of a unit of {@code total} bytes that starts at
   * {@code buf[0]} (a greeting, a header or a payload), translating every failure into a one-line
   * {@link ChannelException}.
   */
  private void readFully(byte[] buf, int off, int len, int total, String what) {
    int done = 0;
    try {
      while (done < len) {
        int n = in.read(buf, off + done, len - done);
        if (n < 0) {
          throw new ChannelException(failure("peer closed the connection", what, off + done,
              total));
        }
        done += n;
      }
    } catch (SocketTimeoutException e) {
      throw new ChannelException(failure("peer sent nothing for " + config.readTimeoutMillis()
          + " ms (read timeout)", what, off + done, total), e);
    } catch (IOException e) {
      if (closed) {
        throw new ChannelException("this channel end was closed", e);
      }
      throw new ChannelException("connection to peer lost: " + e.getMessage(), e);
    }
  }

  private static String failure(String cause, String what, int got, int total) {
    if (got == 0 && !what.equals("message payload")) {
      return cause;
    }
    return cause + " after " + got + " of " + total + " bytes of a " + what
        + " (truncated message)";
  }

  /** The remote address, for messages. */
  public String remote() {
    return String.valueOf(socket.getRemoteSocketAddress());
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      try {
        out.flush();
      } catch (IOException ignored) {
        // the peer may already be gone; closing must still succeed
      }
      closeQuietly(socket);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing useful to do when closing a broken socket
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      sb.append(String.format("%02x", b & 0xff));
    }
    return sb.toString();
  }
}
