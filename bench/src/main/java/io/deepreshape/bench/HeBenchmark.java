package io.deepreshape.bench;

import io.deepreshape.pi.he.BfvParameters;
import io.deepreshape.pi.he.Ciphertext;
import io.deepreshape.pi.he.Decryptor;
import io.deepreshape.pi.he.Encryptor;
import io.deepreshape.pi.he.FloodingBudget;
import io.deepreshape.pi.he.Ntt;
import io.deepreshape.pi.he.PublicKey;
import io.deepreshape.pi.he.ReplySealer;
import io.deepreshape.pi.he.SecretKey;
import io.deepreshape.pi.prg.AesPrg;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The NTT at N = 4096 for one 55-bit prime, and per ciphertext at the session parameters (N = 8192,
 * three primes): encrypt, seal a reply (re-randomise, mask, flood, switch down) and decrypt a reply.
 * Scores are operations per second.
 */
@State(Scope.Benchmark)
public class HeBenchmark extends BenchmarkDefaults {
  private static final int PLAIN_BITS = 37;

  private final AesPrg prg = AesPrg.fromSecureRandom();
  private Ntt ntt;
  private long[] poly;
  private Encryptor encryptor;
  private ReplySealer sealer;
  private Decryptor decryptor;
  private BfvParameters session;
  private long[] message;
  private Ciphertext reply;

  @Setup
  public void setUp() {
    BfvParameters small = BfvParameters.of(PLAIN_BITS);
    ntt = small.ntt(0);
    long p = small.prime(0).value();
    poly = new long[small.n()];
    for (int i = 0; i < poly.length; i++) {
      poly[i] = prg.nextLong(p);
    }
    session = BfvParameters.session(PLAIN_BITS);
    SecretKey key = SecretKey.generate(session, prg);
    encryptor = new Encryptor(key, prg);
    sealer = new ReplySealer(PublicKey.generate(key, prg),
        FloodingBudget.forSession(session, 1L << 26), prg);
    decryptor = new Decryptor(key, sealer.replyParams());
    message = new long[session.n()];
    reply = sealer.seal(encryptor.encrypt(message), message);
  }

  /** Forward then inverse, so the polynomial stays in range; two transforms per operation. */
  @Benchmark
  public long[] nttForwardInverse() {
    ntt.forward(poly, 0);
    ntt.inverse(poly, 0);
    return poly;
  }

  @Benchmark
  public Ciphertext sessionEncrypt() {
    return encryptor.encrypt(message);
  }

  @Benchmark
  public Ciphertext sessionSealReply() {
    return sealer.seal(Ciphertext.zero(session), message);
  }

  @Benchmark
  public long[] sessionDecryptReply() {
    return decryptor.decrypt(reply);
  }
}
