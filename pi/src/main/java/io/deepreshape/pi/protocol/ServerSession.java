package io.deepreshape.pi.protocol;

import io.deepreshape.pi.channel.Channel;
import io.deepreshape.pi.channel.ChannelException;
import io.deepreshape.pi.channel.Phase;
import io.deepreshape.pi.gc.Garbler;
import io.deepreshape.pi.he.ConvShape;
import io.deepreshape.pi.ot.IknpOtSender;
import io.deepreshape.pi.prg.AesPrg;
import io.deepreshape.pi.quant.LinearOp;
import io.deepreshape.pi.quant.QuantConfig;
import io.deepreshape.pi.quant.QuantNetwork;
import io.deepreshape.pi.quant.RingLinear;
import io.deepreshape.pi.quant.Step;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The server's side of one secure inference (PI-ENGINE.md section 2, Delphi's structure, Mishra et
 * al. 2020): it announces the public shape, checks the client's shape hash before any work, runs
 * the offline phase layer by layer (HE for linear layers, garbling and OT for nonlinear ones) and
 * then the online phase on masked values. It holds the weights; it sees only values masked by the
 * client's fresh randomness. A failure is reported to the client as one line, then rethrown.
 */
public final class ServerSession {
  private final QuantNetwork net;
  private final ServerInfo info;
  private final Consumer<long[]> view;
  private final SessionBudget budget;
  private final PreparedSessions prepared;
  private final EncodedKernels kernels;

  /**
   * The server's half of one offline phase, kept for its online phase: the HE shares {@code t},
   * the garbled layers' zero labels and masks, and the garbler's {@code Delta}.
   */
  record Material(long[][] t, GcServerLayer[] layers, long delta0, long delta1) {}

  /**
   * A session serving {@code net}; {@code view}, if not null, receives every vector of ring
   * elements the client sends online (for tests of what the server sees).
   */
  public ServerSession(QuantNetwork net, ServerInfo info, Consumer<long[]> view) {
    this(net, info, view, SessionBudget.unlimited(), null, EncodedKernels.none());
  }

  /** A session of a server, which waits for a free slot and bounds its phases by {@code budget}. */
  ServerSession(QuantNetwork net, ServerInfo info, Consumer<long[]> view, SessionBudget budget) {
    this(net, info, view, budget, null, EncodedKernels.none());
  }

  /**
   * A session that also serves {@code pi prepare} and {@code pi infer --prepared} from {@code
   * prepared} (null: only whole inferences) and takes its encoded kernels from {@code kernels}.
   */
  ServerSession(QuantNetwork net, ServerInfo info, Consumer<long[]> view,
      SessionBudget budget, PreparedSessions prepared, EncodedKernels kernels) {
    this.net = net;
    this.info = info;
    this.view = view;
    this.budget = budget;
    this.prepared = prepared;
    this.kernels = kernels;
  }

  /**
   * Runs the session over {@code raw}; the caller closes the channel. Before the handshake the
   * client may send only {@link ClientMessageLimit#HANDSHAKE_BYTES}, after it no more than its
   * network needs.
   */
  public void run(Channel raw) {
    PeerErrorChannel ch = new PeerErrorChannel(raw, "client");
    try {
      serve(ch);
    } catch (PeerBusyException e) {
      throw e;
    } catch (RuntimeException e) {
      ch.reportFailure("server: " + e.getMessage());
      throw e;
    } catch (OutOfMemoryError e) {
      ch.reportFailure("server: out of memory (raise -Xmx)");
      throw e;
    } finally {
      budget.release();
    }
  }

  private void serve(PeerErrorChannel ch) {
    ch.setPhase(Phase.OFFLINE);
    QuantConfig q = net.config();
    ch.limitMessages(ClientMessageLimit.HANDSHAKE_BYTES, "before the handshake");
    ch.send(Msg.INFO, info.toBytes());
    byte[] hello = Hello.shape(ch.receive(Msg.HELLO));
    byte[] mine = ShapeHash.of(info.graph(), q);
    if (!Arrays.equals(hello, mine)) {
      throw new ChannelException("network shape mismatch: the client's network hash "
          + ShapeHash.shortHex(hello) + " differs from the server's " + ShapeHash.shortHex(mine)
          + " (" + info.graph().name() + ", l=" + q.l() + ", s=" + q.s() + ")");
    }
    int limit = ClientMessageLimit.of(net.program(), q);
    budget.admit(ch);
    ch.limitMessages(limit, "for this network");
    ch.send(Msg.READY, new byte[0]);
    Mode mode = Mode.parse(ch.receive(Msg.MODE));
    switch (mode.kind()) {
      case Mode.WHOLE -> online(ch, offline(ch));
      case Mode.PREPARE -> prepare(ch);
      default -> online(ch, fromPrepared(ch, mode.session()));
    }
  }

  private void prepare(PeerErrorChannel ch) {
    if (prepared == null) {
      throw new ChannelException("this server does not keep prepared sessions");
    }
    prepared.reserve();
    Material m;
    try {
      m = offline(ch);
    } catch (RuntimeException | Error e) {
      prepared.unreserve();
      throw e;
    }
    String id = prepared.put(m);
    try {
      ch.send(Msg.PREPARED, id.getBytes(StandardCharsets.US_ASCII));
      ch.receive(Msg.READY);
    } catch (RuntimeException e) {
      prepared.remove(id);
      throw e;
    }
  }

  /** Answers a client's prepared session id: its half, or a status the client acts on. */
  private Material fromPrepared(PeerErrorChannel ch, String id) {
    PreparedSessions.Status status = prepared == null ? PreparedSessions.Status.UNKNOWN
        : prepared.status(id);
    Material m = status == PreparedSessions.Status.OK ? prepared.take(id) : null;
    if (m == null) {
      String why = prepared == null ? "this server does not keep prepared sessions"
          : prepared.reason(id, status == PreparedSessions.Status.OK
              ? PreparedSessions.Status.UNKNOWN : status);
      ch.send(Msg.SESSION, Mode.status(status == PreparedSessions.Status.RESTARTED
          ? Mode.GONE_RESTARTED : Mode.GONE, why));
      throw new ChannelException(why);
    }
    ch.send(Msg.SESSION, Mode.status(Mode.HELD, ""));
    return m;
  }

  /** The offline phase: HE for linear layers, garbling and OT for the others. */
  private Material offline(PeerErrorChannel ch) {
    QuantConfig q = net.config();
    SecureRandom rnd = new SecureRandom();
    AesPrg prg = AesPrg.fromSecureRandom(rnd);
    IknpOtSender ot = new IknpOtSender(ch, rnd);
    Garbler garbler = new Garbler(AesPrg.fromSecureRandom(rnd), ot.delta0(), ot.delta1());
    ServerGarbling garbling = new ServerGarbling(garbler, prg);
    HeLinear.Server he = HeLinear.open(ch, net, HeContext.params(q.l()), prg, kernels);
    int steps = net.steps().size();
    long[][] t = new long[net.program().linearCount()][];
    GcServerLayer[] layers = new GcServerLayer[steps];
    for (Step step : net.steps()) {
      for (LinearOp op : step.linears()) {
        t[op.id()] = he.answer(ch, op, net.weights()[op.id()]);
      }
      if (step.garbled()) {
        layers[step.index()] = new GcServerLayer(GcPlan.of(step, q), q);
        layers[step.index()].offline(ch, garbling, ot, prg);
      }
    }
    return new Material(t, layers, garbler.delta0(), garbler.delta1());
  }

  /** The online phase on masked values, from {@code m} (consumed). */
  private void online(PeerErrorChannel ch, Material m) {
    long[][] t = m.t();
    GcServerLayer[] layers = m.layers();
    int steps = net.steps().size();
    ch.setPhase(Phase.ONLINE);
    budget.online(ch);
    long[][] masked = new long[steps + 1][];
    masked[0] = ch.receiveLongs(Msg.MASKED_INPUT, net.program().inputElements());
    if (view != null) {
      view.accept(masked[0]);
    }
    for (Step step : net.steps()) {
      long[] a = step.pool() != null ? masked[step.shortcut()] : linear(step, masked, t);
      if (step.garbled()) {
        masked[step.index() + 1] = layers[step.index()].online(ch, a, step.outElements(),
            m.delta0(), m.delta1(), view);
        layers[step.index()] = null;
      } else {
        ch.sendLongs(Msg.LOGIT_SHARE, a, 0, a.length);
      }
    }
    ch.receive(Msg.READY);
  }

  /** {@link RingLinear#apply}, a convolution's output channels split over the engine's workers. */
  private static long[] apply(LinearOp op, long[] w, long[] x) {
    if (!op.isConv()) {
      return RingLinear.apply(op, w, x);
    }
    ConvShape sh = op.conv();
    long[] y = new long[op.outElements()];
    int parts = Math.min(sh.kernels(), Parallel.workers());
    Parallel.forEach(parts, (wk, i) -> RingLinear.convChannels(sh, w, x, y,
        sh.kernels() * i / parts, sh.kernels() * (i + 1) / parts));
    return y;
  }

  /** {@code a = sum (W (x - r) + t + b) + (x_sc - r_sc) 2^s}, ring elements. */
  private long[] linear(Step step, long[][] masked, long[][] t) {
    QuantConfig q = net.config();
    long[] a = new long[step.elements()];
    for (LinearOp op : step.linears()) {
      long[] y = apply(op, net.weights()[op.id()], masked[op.input()]);
      RingLinear.addBias(op, y, net.biases()[op.id()]);
      long[] share = t[op.id()];
      for (int i = 0; i < a.length; i++) {
        a[i] += y[i] + share[i];
      }
      t[op.id()] = null;
    }
    if (step.shortcut() >= 0) {
      long[] sc = masked[step.shortcut()];
      for (int i = 0; i < a.length; i++) {
        a[i] += sc[i] << q.s();
      }
    }
    for (int i = 0; i < a.length; i++) {
      a[i] &= q.mask();
    }
    return a;
  }
}
