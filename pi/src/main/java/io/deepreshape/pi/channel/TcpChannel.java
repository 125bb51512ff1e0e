package io.deepreshape.pi.channel;

import io.deepreshape.pi.prg.LongBytes;
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
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A channel end over a TCP socket. After connecting, both ends exchange an 8-byte greeting so that
 * a peer speaking another protocol is rejected at once. Each message is framed as a type byte, a
 * big-endian four-byte payload length and the payload. Reads time out after the configured
 * interval; a garbage greeting, an oversized length, a truncated message or a disconnect surface as
 * a one-line {@link ChannelException}. A deadline ({@link #expireAt}) shortens every read to the
 * time left and, since a blocked send cannot time out, a watchdog closes the socket shortly after
 * the deadline so that a peer that stops reading cannot hold this end either.
 */
public final class TcpChannel extends AbstractChannel {
  /** The greeting both ends send first: "DRPI", then the frame-format version 1. */
  static final byte[] GREETING = {'D', 'R', 'P', 'I', 0, 0, 0, 1};
  private static final int INITIAL_BUFFER = 1 << 24;
  /** How long after its deadline the watchdog closes a channel whose thread has not noticed. */
  private static final long WATCHDOG_GRACE_NANOS = 1_000_000_000L;
  private static final ScheduledExecutorService WATCHDOG = watchdog();

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] header = new byte[HEADER_BYTES];
  /** Where {@link #sendLongs} converts a slice of longs before writing it. */
  private final byte[] sendSlice = new byte[1 << 16];
  private volatile boolean closed;
  private volatile boolean aborted;
  private ScheduledFuture<?> watch;

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
    return over(socket, config, "server", Long.MAX_VALUE, null);
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
    return over(socket, config, "peer", Long.MAX_VALUE, null);
  }

  /**
   * As {@link #over(Socket, ChannelConfig)}, naming the other party {@code peer} in errors and with
   * a deadline ({@link #expireAt}) that already bounds the greeting.
   */
  public static TcpChannel over(Socket socket, ChannelConfig config, String peer,
      long deadlineNanos, String reason) {
    try {
      TcpChannel channel = new TcpChannel(socket, config);
      channel.namePeer(peer);
      channel.expireAt(deadlineNanos, reason);
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

  /**
   * Turns a connection away without reading it: sends the greeting and one message ({@code type},
   * {@code text}), then closes after the peer's first bytes or {@code waitMillis}, so that the peer
   * reads the message before the connection ends. Never throws.
   */
  public static void refuse(Socket socket, byte type, byte[] text, int waitMillis) {
    try (socket) {
      OutputStream o = socket.getOutputStream();
      byte[] frame = new byte[GREETING.length + HEADER_BYTES + text.length];
      System.arraycopy(GREETING, 0, frame, 0, GREETING.length);
      frame[GREETING.length] = type;
      for (int i = 0; i < 4; i++) {
        frame[GREETING.length + 1 + i] = (byte) (text.length >>> (24 - 8 * i));
      }
      System.arraycopy(text, 0, frame, GREETING.length + HEADER_BYTES, text.length);
      o.write(frame);
      o.flush();
      socket.shutdownOutput();
      InputStream i = socket.getInputStream();
      byte[] sink = new byte[256];
      long end = System.nanoTime() + waitMillis * 1_000_000L;
      for (int n = 0, total = 0; n >= 0 && total < 4096; total += n) {
        long left = (end - System.nanoTime()) / 1_000_000;
        if (left < 1) {
          break;
        }
        socket.setSoTimeout((int) left);
        n = i.read(sink);
      }
    } catch (IOException ignored) {
      // a peer that is gone or silent needs no more of our time
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
    writeHeader(type, len);
    try {
      out.write(payload, off, len);
      out.flush();
    } catch (IOException e) {
      throw sendFailure(e);
    }
    countSent(len);
  }

  /**
   * Sends the longs as {@link Channel#sendLongs} does, converted a slice at a time into a buffer
   * this end reuses instead of into one array of the whole message, which for garbled tables is
   * megabytes of garbage per batch.
   */
  @Override
  public void sendLongs(byte type, long[] values, int off, int len) {
    Objects.checkFromIndexSize(off, len, values.length);
    int bytes = Math.multiplyExact(len, 8);
    writeHeader(type, bytes);
    try {
      for (int done = 0; done < len; ) {
        int n = Math.min(len - done, sendSlice.length / 8);
        LongBytes.toBytes(values, off + done, n, sendSlice, 0);
        out.write(sendSlice, 0, 8 * n);
        done += n;
      }
      out.flush();
    } catch (IOException e) {
      throw sendFailure(e);
    }
    countSent(bytes);
  }

  private void writeHeader(byte type, int len) {
    if (closed) {
      throw new ChannelException("cannot send: this channel end is closed");
    }
    if (pastDeadline()) {
      throw expired("before sending to the " + peer());
    }
    header[0] = type;
    header[1] = (byte) (len >>> 24);
    header[2] = (byte) (len >>> 16);
    header[3] = (byte) (len >>> 8);
    header[4] = (byte) len;
    try {
      out.write(header);
    } catch (IOException e) {
      throw sendFailure(e);
    }
  }

  private ChannelException sendFailure(IOException e) {
    if (aborted) {
      return expired("sending to the " + peer() + ", who was not reading");
    }
    return new ChannelException("connection to " + peer() + " lost while sending: "
        + e.getMessage(), e);
  }

  @Override
  public Message receive() {
    return receive(n -> null);
  }

  /** Reads a payload into {@code buffers}' array when it offers one for the announced length. */
  @Override
  public Message receive(IntFunction<byte[]> buffers) {
    if (closed) {
      throw new ChannelException("cannot receive: this channel end is closed");
    }
    byte[] head = new byte[HEADER_BYTES];
    readFully(head, 0, HEADER_BYTES, HEADER_BYTES, "message header");
    byte type = head[0];
    long length = ((head[1] & 0xffL) << 24) | ((head[2] & 0xff) << 16) | ((head[3] & 0xff) << 8)
        | (head[4] & 0xff);
    checkLength(type, length);
    byte[] payload = buffers.apply((int) length);
    if (payload == null) {
      payload = readPayload((int) length);
    } else if (payload.length != length) {
      throw new IllegalArgumentException("a receive buffer of " + payload.length
          + " bytes was given for a message of " + length);
    } else {
      readFully(payload, 0, payload.length, payload.length, "message payload");
    }
    countReceived(payload.length);
    return new Message(type, payload);
  }

  /**
   * Reads a payload of {@code length} bytes into an array grown as the bytes arrive, so that a peer
   * announcing a large message and sending nothing does not make this end allocate it.
   */
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
    String waiting = "waiting for the " + peer();
    try {
      while (done < len) {
        socket.setSoTimeout(waitMillis(waiting));
        int n = in.read(buf, off + done, len - done);
        if (n < 0) {
          if (aborted) {
            throw expired(waiting);
          }
          throw new ChannelException(failure(peer() + " closed the connection", what, off + done,
              total));
        }
        done += n;
      }
    } catch (SocketTimeoutException e) {
      if (pastDeadline()) {
        throw expired(waiting);
      }
      throw new ChannelException(failure(silence(), what, off + done, total), e);
    } catch (IOException e) {
      if (aborted) {
        throw expired(waiting);
      }
      if (closed) {
        throw new ChannelException("this channel end was closed", e);
      }
      throw new ChannelException("connection to " + peer() + " lost: " + e.getMessage(), e);
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
      deadlineChanged(Long.MAX_VALUE);
    }
  }

  @Override
  protected synchronized void deadlineChanged(long deadlineNanos) {
    if (watch != null) {
      watch.cancel(false);
      watch = null;
    }
    if (deadlineNanos != Long.MAX_VALUE && !closed) {
      long delay = deadlineNanos - System.nanoTime() + WATCHDOG_GRACE_NANOS;
      watch = WATCHDOG.schedule(this::abort, Math.max(0, delay), TimeUnit.NANOSECONDS);
    }
  }

  /** The watchdog: ends a channel that is past its deadline, even in a blocked send. */
  private void abort() {
    if (pastDeadline()) {
      aborted = true;
      closeQuietly(socket);
    }
  }

  private static ScheduledExecutorService watchdog() {
    ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "pi-channel-watchdog");
      t.setDaemon(true);
      return t;
    });
    ex.setRemoveOnCancelPolicy(true);
    return Executors.unconfigurableScheduledExecutorService(ex);
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
