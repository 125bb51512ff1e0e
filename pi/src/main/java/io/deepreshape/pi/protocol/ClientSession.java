package io.deepreshape.pi.protocol;

import io.deepreshape.error.UserInputException;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.pi.channel.Channel;
import io.deepreshape.pi.channel.ChannelException;
import io.deepreshape.pi.channel.ChannelStats;
import io.deepreshape.pi.channel.Phase;
import io.deepreshape.pi.gc.GcEvaluator;
import io.deepreshape.pi.he.BfvParameters;
import io.deepreshape.pi.he.Decryptor;
import io.deepreshape.pi.he.Encryptor;
import io.deepreshape.pi.he.FloodingBudget;
import io.deepreshape.pi.he.SecretKey;
import io.deepreshape.pi.ot.IknpOtReceiver;
import io.deepreshape.pi.prg.AesPrg;
import io.deepreshape.pi.quant.FloatNetwork;
import io.deepreshape.pi.quant.LinearOp;
import io.deepreshape.pi.quant.ProgramBuilder;
import io.deepreshape.pi.quant.QuantConfig;
import io.deepreshape.pi.quant.QuantNetwork;
import io.deepreshape.pi.quant.Step;
import io.deepreshape.spec.NetworkSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The client's side of one secure inference (PI-ENGINE.md section 2, Delphi's structure, Mishra et
 * al. 2020): it learns the network's public shape from the server, proves it holds the same shape
 * (hash) before any work, runs the offline phase (encrypting its masks, evaluating nothing yet,
 * storing garbled circuits) and the online phase (sending its masked image, evaluating one garbled
 * layer per round trip), and adds its share to the server's to read the logits. It measures every
 * step. A failure is reported to the server as one line, then rethrown.
 */
public final class ClientSession {
  /**
   * Above this much garbled material the client streams it to a temporary file and reads it back
   * online, instead of keeping it in memory (the latency profile's client_memory_limit_bytes).
   */
  public static final long MEMORY_LIMIT_BYTES = GcStore.MEMORY_LIMIT;

  private final NetworkGraph expected;
  private Consumer<String> progress = line -> { };

  /**
   * A client; if {@code expected} is not null it insists on that network (the server refuses a
   * different shape), otherwise it takes the shape the server announces.
   */
  public ClientSession(NetworkSpec expected) {
    this(Optional.ofNullable(expected).map(NetworkGraph::of));
  }

  private ClientSession(Optional<NetworkGraph> expected) {
    this.expected = expected.orElse(null);
  }

  /** A client that insists on the network {@code expected} (a spec's or an imported one's), or takes the server's if null. */
  public static ClientSession expecting(NetworkGraph expected) {
    return new ClientSession(Optional.ofNullable(expected));
  }

  /** Sends one line per finished step and phase to {@code sink} (e.g. pi measure's stderr). */
  public ClientSession withProgress(Consumer<String> sink) {
    this.progress = sink;
    return this;
  }

  /**
   * Runs one inference over {@code raw}; {@code image} gives the normalised image (CHW) once the
   * server's description (input normalisation) is known. The caller closes the channel.
   */
  public InferenceResult run(Channel raw, Function<ServerInfo, double[]> image) {
    return guarded(raw, ch -> whole(ch, image));
  }

  /**
   * Runs one offline phase over {@code raw} and keeps the client's half in {@code folder} (the
   * server keeps its own); returns the session id. Nothing usable is left if it fails.
   */
  public String prepare(Channel raw, PreparedFolder folder) {
    return guarded(raw, ch -> prepareOn(ch, folder));
  }

  /**
   * Runs only the online phase over {@code raw}, from the oldest session prepared in {@code
   * folder} for the server's network; that session is deleted whatever happens. If the server no
   * longer holds its half the error says why (used, expired, or the server restarted: then every
   * session of that server run is deleted here and named).
   */
  public InferenceResult runPrepared(Channel raw, PreparedFolder folder,
      Function<ServerInfo, double[]> image) {
    return guarded(raw, ch -> prepared(ch, folder, image));
  }

  private <T> T guarded(Channel raw, Function<PeerErrorChannel, T> body) {
    PeerErrorChannel ch = new PeerErrorChannel(raw, "server");
    try {
      return body.apply(ch);
    } catch (RuntimeException e) {
      ch.reportFailure("client: " + e.getMessage());
      throw e;
    } catch (OutOfMemoryError e) {
      ch.reportFailure("client: out of memory (raise -Xmx)");
      throw e;
    }
  }

  /** What the handshake fixed. */
  private record Start(ServerInfo info, QuantConfig q, FloatNetwork program, byte[] shape,
      Meter meter, List<LayerStats> rows) {}

  /** The client's half of an offline phase. */
  private record Offline(long[][] masks, GcClientLayer[] layers, long[] lastShare,
      long[][] stats, long[] heNanos) {}

  private Start handshake(PeerErrorChannel ch) {
    Meter meter = new Meter(ch.stats());
    ch.setPhase(Phase.OFFLINE);
    ServerInfo info = ServerInfo.parse(ch.receive(Msg.INFO));
    NetworkGraph graph = expected != null ? expected : info.graph();
    QuantConfig q = info.config();
    byte[] shape = ShapeHash.of(graph, q);
    ch.send(Msg.HELLO, Hello.of(shape));
    ch.receive(Msg.READY);
    return new Start(info, q, ProgramBuilder.shape(graph), shape, meter, new ArrayList<>());
  }

  private InferenceResult whole(PeerErrorChannel ch, Function<ServerInfo, double[]> image) {
    Start s = handshake(ch);
    ch.send(Msg.MODE, new Mode(Mode.WHOLE, "").toBytes());
    try (GcStore store = GcStore.forSize(storageEstimate(s))) {
      return online(ch, s, offline(ch, s, store), image);
    }
  }

  private String prepareOn(PeerErrorChannel ch, PreparedFolder folder) {
    Start s = handshake(ch);
    ch.send(Msg.MODE, new Mode(Mode.PREPARE, "").toBytes());
    Path partial = folder.startPartial();
    try {
      Offline off;
      try (GcStore.FileStore store = GcStore.writingTo(partial.resolve(PreparedFolder.GC))) {
        off = offline(ch, s, store);
        store.finish();
      }
      PreparedFolder.writeMasks(partial, off.masks(), off.lastShare());
      byte[] id = ch.receive(Msg.PREPARED);
      String sid = Mode.parse(withKind(Mode.ONLINE, id)).session();
      folder.complete(partial, sid, HexFormat.of().formatHex(s.shape()));
      ch.send(Msg.READY, new byte[0]);
      return sid;
    } finally {
      PreparedFolder.delete(partial);
    }
  }

  private InferenceResult prepared(PeerErrorChannel ch, PreparedFolder folder,
      Function<ServerInfo, double[]> image) {
    Start s = handshake(ch);
    String shapeHex = HexFormat.of().formatHex(s.shape());
    List<PreparedFolder.Entry> held = folder.complete(shapeHex);
    if (held.isEmpty()) {
      throw new UserInputException("no prepared session for " + s.info().graph().name()
          + " with this server in " + folder.dir() + ": run 'pi prepare' first");
    }
    PreparedFolder.Entry e = held.get(0);
    Path used = folder.take(e);
    try {
      ch.send(Msg.MODE, new Mode(Mode.ONLINE, e.id()).toBytes());
      byte[] status = ch.receive(Msg.SESSION);
      if (status.length < 1 || status[0] != Mode.HELD) {
        throw new ChannelException(gone(folder, held, e, status));
      }
      long[][] saved = PreparedFolder.readMasks(used);
      long[] lastShare = saved[saved.length - 1];
      long[][] masks = Arrays.copyOf(saved, saved.length - 1);
      int steps = s.program().steps().size();
      try (GcStore store = GcStore.readingFrom(used.resolve(PreparedFolder.GC))) {
        GcClientLayer[] layers = new GcClientLayer[steps];
        for (Step step : s.program().steps()) {
          if (step.garbled()) {
            layers[step.index()] = new GcClientLayer(GcPlan.of(step, s.q()), s.q(), store);
          }
        }
        s.rows().add(s.meter().row("setup", 0, 0, 0, 0, 0, 0, true));
        Offline off = new Offline(masks, layers, lastShare, new long[steps][6], new long[steps]);
        return online(ch, s, off, image);
      }
    } finally {
      PreparedFolder.delete(used);
    }
  }

  /**
   * The server's reason a prepared session is gone; after a restart every session of that server
   * run is gone too and is deleted here.
   */
  private static String gone(PreparedFolder folder, List<PreparedFolder.Entry> held,
      PreparedFolder.Entry e, byte[] status) {
    String why = new String(status, 1, Math.max(0, status.length - 1), StandardCharsets.UTF_8);
    if (status.length < 1 || status[0] != Mode.GONE_RESTARTED) {
      return why + "; deleted here, run 'pi prepare' again";
    }
    String run = e.id().substring(0, e.id().indexOf('-') + 1);
    List<String> ids = new ArrayList<>();
    ids.add(e.id());
    for (PreparedFolder.Entry other : held) {
      if (other != e && other.id().startsWith(run)) {
        PreparedFolder.delete(other.dir());
        ids.add(other.id());
      }
    }
    return why + "; gone with it and deleted here: " + String.join(", ", ids)
        + "; run 'pi prepare' again";
  }

  private static byte[] withKind(byte kind, byte[] id) {
    byte[] out = new byte[id.length + 1];
    out[0] = kind;
    System.arraycopy(id, 0, out, 1, id.length);
    return out;
  }

  private static long storageEstimate(Start s) {
    long bytes = 0;
    for (Step step : s.program().steps()) {
      if (step.garbled()) {
        bytes += GcClientLayer.expectedStorage(GcPlan.of(step, s.q()), s.q().l());
      }
    }
    return bytes;
  }

  /** The HE context: an encryptor per worker, each with its own PRG. */
  private record Crypto(BfvParameters params, Encryptor[] encs, Decryptor dec) {}

  private Offline offline(PeerErrorChannel ch, Start s, GcStore store) {
    QuantConfig q = s.q();
    SecureRandom rnd = new SecureRandom();
    AesPrg prg = AesPrg.fromSecureRandom(rnd);
    IknpOtReceiver ot = new IknpOtReceiver(ch, rnd);
    BfvParameters params = HeContext.params(q.l());
    SecretKey key = SecretKey.generate(params, prg);
    HeLinear.sendPublicKey(ch, key, prg);
    Encryptor[] encs = new Encryptor[Parallel.workers()];
    for (int w = 0; w < encs.length; w++) {
      encs[w] = new Encryptor(key, w == 0 ? prg : AesPrg.fromSecureRandom(rnd));
    }
    Crypto he = new Crypto(params, encs, new Decryptor(key, FloodingBudget.replyParams(params)));
    s.rows().add(s.meter().row("setup", 0, 0, 0, 0, 0, 0, true));
    FloatNetwork program = s.program();
    int steps = program.steps().size();
    long[][] masks = new long[steps + 1][];
    masks[0] = random(prg, program.inputElements(), q);
    GcClientLayer[] layers = new GcClientLayer[steps];
    long[] lastShare = null;
    long[][] offline = new long[steps][];
    long[] heNanos = new long[steps];
    int lastGarbled = lastGarbled(program);
    for (Step step : program.steps()) {
      long h0 = System.nanoTime();
      long[] c = step.pool() != null ? masks[step.shortcut()] : share(step, masks, he, ch, q);
      heNanos[step.index()] = System.nanoTime() - h0;
      long storage = 0;
      if (step.garbled()) {
        masks[step.index() + 1] = random(prg, step.outElements(), q);
        GcClientLayer layer = new GcClientLayer(GcPlan.of(step, q), q, store);
        layer.offline(ch, ot, c);
        if (step.index() == lastGarbled) {
          store.finish();
        }
        layers[step.index()] = layer;
        storage = layer.storageBytes();
      } else {
        lastShare = c;
      }
      offline[step.index()] = s.meter().take(storage);
      progress.accept(String.format(Locale.ROOT, "offline %d/%d %s: %.2f s, %d bytes",
          step.index() + 1, steps, step.name(), offline[step.index()][0] / 1e9,
          offline[step.index()][1] + offline[step.index()][2]));
    }
    return new Offline(masks, layers, lastShare, offline, heNanos);
  }

  /** The index of the program's last garbled step, -1 if none. */
  private static int lastGarbled(FloatNetwork program) {
    int last = -1;
    for (Step step : program.steps()) {
      if (step.garbled()) {
        last = step.index();
      }
    }
    return last;
  }

  /** The client's share {@code c = sum (W r - t) + r_sc 2^s} of a step's sum (offline HE). */
  private static long[] share(Step step, long[][] masks, Crypto he, PeerErrorChannel ch,
      QuantConfig q) {
    long[] c = new long[step.elements()];
    for (LinearOp op : step.linears()) {
      long[] part = HeLinear.client(ch, op, masks[op.input()], he.params(), he.encs(), he.dec());
      for (int i = 0; i < c.length; i++) {
        c[i] += part[i];
      }
    }
    if (step.shortcut() >= 0) {
      long[] r = masks[step.shortcut()];
      for (int i = 0; i < c.length; i++) {
        c[i] += r[i] << q.s();
      }
    }
    for (int i = 0; i < c.length; i++) {
      c[i] &= q.mask();
    }
    return c;
  }

  private InferenceResult online(PeerErrorChannel ch, Start s, Offline off,
      Function<ServerInfo, double[]> image) {
    FloatNetwork program = s.program();
    QuantConfig q = s.q();
    Meter meter = s.meter();
    List<LayerStats> rows = s.rows();
    GcClientLayer[] layers = off.layers();
    long[][] masks = off.masks();
    long[] lastShare = off.lastShare();
    long[][] offline = off.stats();
    long[] heNanos = off.heNanos();
    ServerInfo info = s.info();
    int steps = program.steps().size();
    ch.setPhase(Phase.ONLINE);
    meter.reset();
    double[] img = image.apply(info);
    long[] x = QuantNetwork.encode(img, q, q.s());
    if (x.length != program.inputElements()) {
      throw new UserInputException("the image has " + x.length + " values, the network "
          + "expects " + program.inputElements());
    }
    long[] first = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      first[i] = (x[i] - masks[0][i]) & q.mask();
    }
    ch.sendLongs(Msg.MASKED_INPUT, first, 0, first.length);
    GcEvaluator[] evaluator = new GcEvaluator[Parallel.workers()];
    Arrays.setAll(evaluator, i -> new GcEvaluator());
    long[] logits = null;
    for (Step step : program.steps()) {
      long linearNanos;
      if (step.garbled()) {
        linearNanos = layers[step.index()].online(ch, masks[step.index() + 1], evaluator);
        layers[step.index()] = null;
      } else {
        long t0 = System.nanoTime();
        long[] a = ch.receiveLongs(Msg.LOGIT_SHARE, step.elements());
        linearNanos = System.nanoTime() - t0;
        logits = new long[a.length];
        for (int i = 0; i < a.length; i++) {
          logits[i] = q.signed(a[i] + lastShare[i]);
        }
      }
      long[] on = meter.take(0);
      rows.add(row(step, q, offline[step.index()], heNanos[step.index()], on, linearNanos));
      progress.accept(String.format(Locale.ROOT, "online %d/%d %s: %.2f s, %d bytes",
          step.index() + 1, steps, step.name(), on[0] / 1e9, on[3] + on[4]));
    }
    ch.send(Msg.READY, new byte[0]);
    double[] real = new double[logits.length];
    int best = 0;
    for (int i = 0; i < logits.length; i++) {
      real[i] = Math.scalb((double) logits[i], -2 * q.s());
      if (logits[i] > logits[best]) {
        best = i;
      }
    }
    return new InferenceResult(logits, real, best, rows, LayerStats.sum("total", rows));
  }

  private static LayerStats row(Step step, QuantConfig q, long[] off, long heNanos, long[] on,
      long linearNanos) {
    long relus = 0;
    long trunc = 0;
    long ands = 0;
    long ots = 0;
    if (step.garbled()) {
      for (GcGroup g : GcPlan.of(step, q)) {
        ands += (long) g.circuit().andGates() * g.instances();
        ots += (long) g.circuit().evaluatorInputs() * g.instances();
        relus += (long) g.fullRelus() * g.instances();
        trunc += g.fullRelus() == 0 ? g.instances() : 0;
      }
    }
    long macs = 0;
    for (LinearOp op : step.linears()) {
      macs += op.macs();
    }
    String name = step.act() != null ? step.name() + " -> " + step.act().name() : step.name();
    if (step.pool() != null) {
      trunc = 0;
    }
    return new LayerStats(name, relus, trunc, ands, ots, macs, off[0] / 1e9, heNanos / 1e9,
        on[0] / 1e9, linearNanos / 1e9, off[1], off[2], on[3], on[4], off[5]);
  }

  private static long[] random(AesPrg prg, int n, QuantConfig q) {
    long[] r = new long[n];
    prg.nextLongs(r);
    for (int i = 0; i < n; i++) {
      r[i] &= q.mask();
    }
    return r;
  }

  /** Time and byte deltas between calls. */
  private static final class Meter {
    private final ChannelStats stats;
    private long t0;
    private long up0;
    private long down0;
    private long onUp0;
    private long onDown0;

    Meter(ChannelStats stats) {
      this.stats = stats;
      reset();
    }

    void reset() {
      t0 = System.nanoTime();
      up0 = stats.bytesSent(Phase.OFFLINE);
      down0 = stats.bytesReceived(Phase.OFFLINE);
      onUp0 = stats.bytesSent(Phase.ONLINE);
      onDown0 = stats.bytesReceived(Phase.ONLINE);
    }

    /** {nanos, offline up, offline down, online up, online down, storage}; then resets. */
    long[] take(long storage) {
      long[] d = {System.nanoTime() - t0, stats.bytesSent(Phase.OFFLINE) - up0,
          stats.bytesReceived(Phase.OFFLINE) - down0, stats.bytesSent(Phase.ONLINE) - onUp0,
          stats.bytesReceived(Phase.ONLINE) - onDown0, storage};
      reset();
      return d;
    }

    LayerStats row(String name, long relus, long trunc, long ands, long ots, long macs,
        long storage, boolean offline) {
      long[] d = take(storage);
      return new LayerStats(name, relus, trunc, ands, ots, macs, d[0] / 1e9, 0, 0, 0, d[1], d[2],
          d[3], d[4], d[5]);
    }
  }
}
