package io.deepreshape.pi.bench;

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

/**
 * Forward and inverse NTT time at N = 4096 for one 55-bit prime, BFV encrypt / decrypt there, and
 * the session parameters' costs per ciphertext: encrypt, seal a reply (re-randomise, mask, flood,
 * switch down) with and without re-randomisation, decrypt the reply.
 */
final class NttBench {
  private NttBench() {}

  static void run(int iterations) {
    BfvParameters params = BfvParameters.of(37);
    Ntt ntt = params.ntt(0);
    AesPrg prg = AesPrg.fromSecureRandom();
    long p = params.prime(0).value();
    long[] a = new long[params.n()];
    for (int i = 0; i < a.length; i++) {
      a[i] = prg.nextLong(p);
    }
    for (int w = 0; w < iterations; w++) {
      ntt.forward(a, 0);
      ntt.inverse(a, 0);
    }
    long t0 = System.nanoTime();
    for (int r = 0; r < iterations; r++) {
      ntt.forward(a, 0);
    }
    long t1 = System.nanoTime();
    for (int r = 0; r < iterations; r++) {
      ntt.inverse(a, 0);
    }
    long t2 = System.nanoTime();
    System.out.printf("NTT N=%d, %d-bit prime: forward %.1f us, inverse %.1f us%n", params.n(),
        64 - Long.numberOfLeadingZeros(p), (t1 - t0) / 1e3 / iterations,
        (t2 - t1) / 1e3 / iterations);
    bfv(params, prg, Math.max(1, iterations / 20));
    session(BfvParameters.session(37), prg, Math.max(1, iterations / 20));
  }

  private static void session(BfvParameters params, AesPrg prg, int rounds) {
    SecretKey key = SecretKey.generate(params, prg);
    Encryptor enc = new Encryptor(key, prg);
    FloodingBudget budget = FloodingBudget.forSession(params, 1L << 26);
    ReplySealer sealer = new ReplySealer(PublicKey.generate(key, prg), budget, prg);
    Decryptor dec = new Decryptor(key, sealer.replyParams());
    long[] m = new long[params.n()];
    Ciphertext reply = sealer.seal(enc.encrypt(m), m);
    for (int w = 0; w < rounds; w++) {
      reply = sealer.seal(enc.encrypt(m), m);
      dec.decrypt(reply);
    }
    long t0 = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      enc.encrypt(m);
    }
    long t1 = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      reply = sealer.seal(Ciphertext.zero(params), m);
    }
    long t2 = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      dec.decrypt(reply);
    }
    long t3 = System.nanoTime();
    System.out.printf("BFV session N=%d, log q=%.1f, %d primes (replies %d, flood 2^%d):"
        + " encrypt %.1f us, seal %.1f us, decrypt a reply %.1f us%n", params.n(), params.log2q(),
        params.primeCount(), sealer.replyParams().primeCount(), budget.floodBits(),
        (t1 - t0) / 1e3 / rounds, (t2 - t1) / 1e3 / rounds, (t3 - t2) / 1e3 / rounds);
  }

  private static void bfv(BfvParameters params, AesPrg prg, int rounds) {
    SecretKey key = SecretKey.generate(params, prg);
    Encryptor enc = new Encryptor(key, prg);
    Decryptor dec = new Decryptor(key);
    long[] m = new long[params.n()];
    Ciphertext ct = enc.encrypt(m);
    for (int w = 0; w < rounds; w++) {
      ct = enc.encrypt(m);
      dec.decrypt(ct);
    }
    long t3 = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      ct = enc.encrypt(m);
    }
    long t4 = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      dec.decrypt(ct);
    }
    long t5 = System.nanoTime();
    System.out.printf("BFV N=%d, log q=%.1f, 2 primes: encrypt %.1f us, decrypt %.1f us%n",
        params.n(), params.log2q(), (t4 - t3) / 1e3 / rounds, (t5 - t4) / 1e3 / rounds);
  }
}
