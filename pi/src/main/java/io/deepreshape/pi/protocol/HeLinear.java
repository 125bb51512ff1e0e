package io.deepreshape.pi.protocol;

import io.deepreshape.pi.channel.Channel;
import io.deepreshape.pi.channel.ChannelException;
import io.deepreshape.pi.he.BfvParameters;
import io.deepreshape.pi.he.Ciphertext;
import io.deepreshape.pi.he.Decryptor;
import io.deepreshape.pi.he.Encryptor;
import io.deepreshape.pi.he.FloodingBudget;
import io.deepreshape.pi.he.HomConv;
import io.deepreshape.pi.he.HomFc;
import io.deepreshape.pi.he.NoiseFlooding;
import io.deepreshape.pi.he.NttPlaintext;
import io.deepreshape.pi.he.ProductTerms;
import io.deepreshape.pi.he.PublicKey;
import io.deepreshape.pi.he.ReplySealer;
import io.deepreshape.pi.he.SecretKey;
import io.deepreshape.pi.he.SeededCiphertext;
import io.deepreshape.pi.he.SparseReply;
import io.deepreshape.pi.prg.AesPrg;
import io.deepreshape.pi.quant.LinearOp;
import io.deepreshape.pi.quant.QuantNetwork;
import io.deepreshape.pi.quant.Step;

/**
 * The offline phase of one linear layer (PI-ENGINE.md section 2; Delphi, Mishra et al. 2020, with
 * Cheetah's coefficient-encoded HomConv/HomFC, Huang et al. 2022): the client encrypts its mask
 * {@code r} and sends each ciphertext as {@code c0} and a seed ({@link SeededCiphertext}); the
 * server multiplies by its weights and seals every result ({@link ReplySealer}: re-randomised
 * under the public key the client sent at the start of the session, masked by a uniform
 * polynomial {@code T}, flooded within the session's statistical budget, switched down to one
 * prime) and returns {@code c1} whole and {@code c0} only at the coefficients that hold outputs
 * ({@link SparseReply}); the client decrypts {@code c = W r - t}, the server keeps {@code t}.
 * Output channels are processed in chunks so that the encoded kernels and the returned
 * ciphertexts stay a few tens of MiB at a time (streaming, bounded memory).
 */
final class HeLinear {
  /** Output ciphertexts per returned message. */
  private static final int CIPHERTEXTS_PER_CHUNK = 32;
  /** Kernel polynomials of one chunk of a convolution at most (unless one block needs more). */
  private static final int KERNEL_POLYS_PER_CHUNK = 256;

  private HeLinear() {}

  /** Client, once per session before any layer: sends a public key under {@code key}. */
  static void sendPublicKey(Channel ch, SecretKey key, AesPrg prg) {
    long[] pk = PublicKey.generate(key, prg).toLongs();
    ch.sendLongs(Msg.HE_PUBLIC_KEY, pk, 0, pk.length);
  }

  /**
   * Client: sends {@code Enc(r)} under {@code params} and returns its share {@code c = W r - t}
   * (ring elements); {@code encs} holds an encryptor per worker ({@link Parallel#workers}), each
   * with its own PRG, and {@code dec} decrypts replies ({@link FloodingBudget#replyParams}).
   */
  static long[] client(Channel ch, LinearOp op, long[] r, BfvParameters params, Encryptor[] encs,
      Decryptor dec) {
    long[][] polys = op.isConv()
        ? new HomConv(op.conv(), params.n()).encodeInput(r)
        : new HomFc(op.inFeatures(), op.outFeatures(), params.n()).encodeInput(r);
    int ctLongs = SeededCiphertext.longs(params);
    long[] msg = new long[polys.length * ctLongs];
    Parallel.forEach(polys.length,
        (wk, i) -> encs[wk].encryptSeeded(polys[i]).writeTo(msg, i * ctLongs));
    ch.sendLongs(Msg.HE_INPUT, msg, 0, msg.length);
    BfvParameters reply = FloodingBudget.replyParams(params);
    long[] c = new long[op.outElements()];
    int outputs = op.outChannels();
    int chunk = chunk(op, params);
    for (int m0 = 0; m0 < outputs; m0 += chunk) {
      int mc = Math.min(chunk, outputs - m0);
      Object plan = plan(op, params, mc);
      int[][] positions = positions(plan);
      long[] data = ch.receiveLongs(Msg.HE_OUTPUT, replyLongs(reply, positions));
      int[] at = new int[positions.length];
      for (int i = 1; i < positions.length; i++) {
        at[i] = at[i - 1] + SparseReply.longs(reply, positions[i - 1].length);
      }
      long[][] dp = new long[positions.length][];
      Parallel.forEach(positions.length,
          (wk, i) -> dp[i] = dec.decrypt(parseReply(reply, positions[i], data, at[i])));
      long[] part = plan instanceof HomConv hc ? hc.decodeOutput(dp) : ((HomFc) plan).decodeOutput(dp);
      System.arraycopy(part, 0, c, m0 * op.outPlane(), part.length);
    }
    return c;
  }

  /**
   * Server, once per session: checks that every linear layer of {@code net} fits the session's
   * flooding budget (before anything depends on the weights), then receives the client's public
   * key; the layers take their encoded kernels from {@code kernels} where it holds them.
   */
  static Server open(Channel ch, QuantNetwork net, BfvParameters params, AesPrg prg,
      EncodedKernels kernels) {
    long coefficients = 0;
    for (Step step : net.steps()) {
      for (LinearOp op : step.linears()) {
        coefficients += repliedCoefficients(op, params);
      }
    }
    FloodingBudget budget = FloodingBudget.forSession(params, coefficients);
    int l = net.config().l();
    for (Step step : net.steps()) {
      for (LinearOp op : step.linears()) {
        budget.check(weightNoise(net.weights()[op.id()], l), "layer " + op.name());
      }
    }
    long[] data = ch.receiveLongs(Msg.HE_PUBLIC_KEY, 2 * params.primeCount() * params.n());
    PublicKey pk;
    try {
      pk = PublicKey.fromLongs(params, data);
    } catch (IllegalArgumentException e) {
      throw new ChannelException("protocol error: malformed public key from the peer: "
          + e.getMessage(), e);
    }
    ReplySealer[] sealers = new ReplySealer[Parallel.workers()];
    for (int w = 0; w < sealers.length; w++) {
      sealers[w] = new ReplySealer(pk, budget, w == 0 ? prg : AesPrg.fromSecureRandom());
    }
    return new Server(params, sealers, budget.coefficients(), prg, kernels);
  }

  /**
   * A bound on the noise any output coefficient of a layer with weights {@code w} (values mod
   * {@code 2^l}) carries: the L1 norm of all its weights bounds that of any output's.
   */
  static double weightNoise(long[] w, int l) {
    double l1 = 0;
    int shift = 64 - l;
    for (long v : w) {
      l1 += Math.abs((double) ((v << shift) >> shift));
    }
    return NoiseFlooding.worstCaseBound(l1);
  }

  /** The server's side of the session's linear layers. */
  static final class Server {
    private final BfvParameters params;
    /** One sealer per worker thread ({@link Parallel}), each with its own PRG. */
    private final ReplySealer[] sealers;
    private final AesPrg prg;
    /** The model's kernels encoded ahead of time, as far as the server's cache holds them. */
    private final EncodedKernels kernels;
    /** Coefficients the budget still covers. */
    private long budgeted;

    private Server(BfvParameters params, ReplySealer[] sealers, long budgeted, AesPrg prg,
        EncodedKernels kernels) {
      this.params = params;
      this.sealers = sealers;
      this.budgeted = budgeted;
      this.prg = prg;
      this.kernels = kernels;
    }

    /** Answers the client's ciphertexts with sealed {@code Enc(W r - T)}; returns {@code t}. */
    long[] answer(Channel ch, LinearOp op, long[] w) {
      int ctLongs = SeededCiphertext.longs(params);
      int inPolys = op.isConv()
          ? new HomConv(op.conv(), params.n()).inputPolys()
          : new HomFc(op.inFeatures(), op.outFeatures(), params.n()).inputPolys();
      long[] data = ch.receiveLongs(Msg.HE_INPUT, inPolys * ctLongs);
      Ciphertext[] in = new Ciphertext[inPolys];
      for (int i = 0; i < inPolys; i++) {
        in[i] = parseInput(params, data, i * ctLongs);
      }
      data = null;
      BfvParameters reply = sealers[0].replyParams();
      long[] t = new long[op.outElements()];
      int outputs = op.outChannels();
      int chunk = chunk(op, params);
      for (int m0 = 0; m0 < outputs; m0 += chunk) {
        int mc = Math.min(chunk, outputs - m0);
        Object plan = plan(op, params, mc);
        NttPlaintext[] cached = kernels.get(op, m0, params);
        NttPlaintext[] pw = cached != null ? cached
            : toNtt(params, chunkPolynomials(op, w, params, m0));
        int[][] positions = positions(plan);
        budgeted -= coefficients(positions);
        if (budgeted < 0) {
          throw new IllegalStateException("the session floods more coefficients than its budget"
              + " counted");
        }
        int count = positions.length;
        long[][] masks = new long[count][params.n()];
        long[] msg = new long[replyLongs(reply, positions)];
        int[] at = new int[count];
        for (int o = 0; o < count; o++) {
          prg.nextLongs(masks[o]);
          for (int j = 0; j < params.n(); j++) {
            masks[o][j] &= params.plainMask();
          }
          at[o] = o == 0 ? 0 : at[o - 1] + SparseReply.longs(reply, positions[o - 1].length);
        }
        Parallel.forEach(count, (wk, o) -> {
          ProductTerms terms = plan instanceof HomConv hc ? hc.termsOf(in, pw, o)
              : ((HomFc) plan).termsOf(in, pw, o);
          sealers[wk].sealSum(terms, masks[o], positions[o]).writeTo(msg, at[o]);
        });
        ch.sendLongs(Msg.HE_OUTPUT, msg, 0, msg.length);
        long[] part = plan instanceof HomConv hc ? hc.decodeOutput(masks)
            : ((HomFc) plan).decodeOutput(masks);
        System.arraycopy(part, 0, t, m0 * op.outPlane(), part.length);
      }
      return t;
    }
  }

  /**
   * The kernel (or weight) polynomials of output channels {@code m0 ..} of one chunk ({@link
   * #chunk}) of layer {@code op} with weights {@code w}, in coefficient form.
   */
  static long[][] chunkPolynomials(LinearOp op, long[] w, BfvParameters params, int m0) {
    int mc = Math.min(chunk(op, params), op.outChannels() - m0);
    int perOut = op.weightCount() / op.outChannels();
    long[] wPart = new long[mc * perOut];
    System.arraycopy(w, m0 * perOut, wPart, 0, wPart.length);
    Object plan = plan(op, params, mc);
    return plan instanceof HomConv hc ? hc.encodeKernel(wPart)
        : ((HomFc) plan).encodeWeights(wPart);
  }

  /** {@code polys} in NTT form, encoded over the workers. */
  static NttPlaintext[] toNtt(BfvParameters params, long[][] polys) {
    NttPlaintext[] pw = new NttPlaintext[polys.length];
    Parallel.forEach(polys.length, (wk, i) -> pw[i] = NttPlaintext.encode(params, polys[i]));
    return pw;
  }

  /**
   * The coefficients the server floods and returns for a layer, chunk by chunk as {@link
   * Server#answer}.
   */
  static long repliedCoefficients(LinearOp op, BfvParameters params) {
    long count = 0;
    int chunk = chunk(op, params);
    for (int m0 = 0; m0 < op.outChannels(); m0 += chunk) {
      count += coefficients(positions(plan(op, params, Math.min(chunk, op.outChannels() - m0))));
    }
    return count;
  }

  /** The output coefficients of each reply polynomial of {@code plan}. */
  private static int[][] positions(Object plan) {
    return plan instanceof HomConv hc ? hc.outputPositions() : ((HomFc) plan).outputPositions();
  }

  private static long coefficients(int[][] positions) {
    long count = 0;
    for (int[] p : positions) {
      count += p.length;
    }
    return count;
  }

  /** Longs of one chunk's replies. */
  private static int replyLongs(BfvParameters reply, int[][] positions) {
    long longs = 0;
    for (int[] p : positions) {
      longs += SparseReply.longs(reply, p.length);
    }
    return Math.toIntExact(longs);
  }

  private static SparseReply parseReply(BfvParameters reply, int[] positions, long[] data,
      int offset) {
    try {
      return SparseReply.read(reply, positions, data, offset);
    } catch (IllegalArgumentException e) {
      throw new ChannelException("protocol error: malformed reply from the peer: "
          + e.getMessage(), e);
    }
  }

  /**
   * Output channels per chunk: of a convolution, whole blocks of kernels ({@link
   * HomConv#kernelsPerPoly}).
   */
  static int chunk(LinearOp op, BfvParameters params) {
    if (!op.isConv()) {
      HomFc one = new HomFc(op.inFeatures(), op.outFeatures(), params.n());
      int rowsPerPoly = Math.max(1, op.outFeatures() / one.outputPolys());
      return Math.max(1, Math.min(op.outFeatures(), CIPHERTEXTS_PER_CHUNK * rowsPerPoly));
    }
    HomConv whole = new HomConv(op.conv(), params.n());
    int blocks = Math.max(1, Math.min(CIPHERTEXTS_PER_CHUNK / whole.tiles(),
        KERNEL_POLYS_PER_CHUNK / whole.groups()));
    return Math.min(op.outChannels(), blocks * whole.kernelsPerPoly());
  }

  /**
   * The plan for {@code mc} output channels under the whole layer's tiling (the input encoding
   * does not depend on them).
   */
  private static Object plan(LinearOp op, BfvParameters params, int mc) {
    if (op.isConv()) {
      return new HomConv(op.conv(), params.n()).firstKernels(mc);
    }
    return new HomFc(op.inFeatures(), mc, params.n());
  }

  private static Ciphertext parseInput(BfvParameters params, long[] data, int offset) {
    try {
      return SeededCiphertext.readExpanded(params, data, offset);
    } catch (IllegalArgumentException e) {
      throw new ChannelException("protocol error: malformed ciphertext from the peer: "
          + e.getMessage(), e);
    }
  }
}
