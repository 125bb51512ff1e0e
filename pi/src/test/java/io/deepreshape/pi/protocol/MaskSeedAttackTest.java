package io.deepreshape.pi.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.pi.channel.InProcessChannel;
import io.deepreshape.pi.gc.Garbler;
import io.deepreshape.pi.gc.GcEvaluator;
import io.deepreshape.pi.gc.ReluCircuits;
import io.deepreshape.pi.ot.IknpOtReceiver;
import io.deepreshape.pi.ot.IknpOtSender;
import io.deepreshape.pi.prg.AesPrg;
import io.deepreshape.pi.quant.QuantConfig;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client can expand the active labels of the server's mask {@code u} from a seed, yet learns
 * nothing of the ReLU outputs. The attack: decode the garbled ReLU layer and read the result as
 * {@code f(a + c)}, the unmasked activation. Against a server that (wrongly) takes the seed's
 * labels as zero-labels the client holds the labels of {@code u = 0} and reads every activation
 * exactly; against the engine it reads {@code f(a + c) - u} for a fresh uniform {@code u} and
 * matches none, while the server's sum {@code v + u} is still exactly {@code f(a + c)}.
 */
@Timeout(60)
class MaskSeedAttackTest {
  private static final QuantConfig Q = QuantConfig.DEFAULT;
  private static final int N = 3000;

  @Test
  void aClientDecodingTheUnmaskedActivationSucceedsOnlyAgainstTheWeakenedServer() {
    SplittableRandom rnd = new SplittableRandom(7);
    long[] a = random(rnd);
    long[] c = random(rnd);
    long[] want = new long[N];
    for (int i = 0; i < N; i++) {
      want[i] = relu((a[i] + c[i]) & Q.mask());
    }
    Outcome weak = run(a, c, GcServerLayer::withSeedGivingZeroLabels);
    assertThat(matches(weak.clientDecoded(), want)).as("activations the attack reads off the weakened server")
        .isEqualTo(N);
    Outcome real = run(a, c, GcServerLayer::new);
    assertThat(matches(real.clientDecoded(), want)).as("activations the attack reads off the engine").isZero();
    assertThat(real.serverSum()).as("the engine's result").containsExactly(want);
  }

  private record Outcome(long[] clientDecoded, long[] serverSum) {}

  private interface LayerFactory {
    GcServerLayer make(List<GcGroup> groups, QuantConfig q);
  }

  private static Outcome run(long[] a, long[] c, LayerFactory server) {
    int[] elements = new int[N];
    for (int i = 0; i < N; i++) {
      elements[i] = i;
    }
    List<GcGroup> groups = List.of(new GcGroup(ReluCircuits.relu(Q.l(), Q.s()), 1, elements, 1));
    InProcessChannel[] ch = InProcessChannel.pair();
    List<long[]> seen = new ArrayList<>();
    CompletableFuture<long[]> s = CompletableFuture.supplyAsync(() -> {
      SecureRandom sr = new SecureRandom();
      IknpOtSender ot = new IknpOtSender(ch[0], sr);
      Garbler garbler = new Garbler(AesPrg.fromSecureRandom(sr), ot.delta0(), ot.delta1());
      GcServerLayer layer = server.make(groups, Q);
      layer.offline(ch[0], garbler, ot, AesPrg.fromSecureRandom(sr));
      return layer.online(ch[0], a, N, garbler.delta0(), garbler.delta1(), seen::add);
    });
    IknpOtReceiver ot = new IknpOtReceiver(ch[1], new SecureRandom());
    try (GcStore store = new GcStore.MemoryStore()) {
      GcClientLayer layer = new GcClientLayer(groups, Q, store);
      layer.offline(ch[1], ot, c);
      layer.online(ch[1], new long[N], new GcEvaluator[] {new GcEvaluator()}); // next mask 0: the answer is what it decoded
    }
    long[] sum = s.join();
    return new Outcome(concat(seen), sum);
  }

  private static long relu(long y) {
    long signed = y >= 1L << (Q.l() - 1) ? y - (1L << Q.l()) : y;
    return signed <= 0 ? 0 : signed >> Q.s();
  }

  private static long[] random(SplittableRandom rnd) {
    long[] v = new long[N];
    for (int i = 0; i < N; i++) {
      v[i] = rnd.nextLong() & Q.mask();
    }
    return v;
  }

  private static int matches(long[] got, long[] want) {
    int n = 0;
    for (int i = 0; i < want.length; i++) {
      n += got[i] == want[i] ? 1 : 0;
    }
    return n;
  }

  private static long[] concat(List<long[]> parts) {
    return parts.stream().flatMapToLong(java.util.Arrays::stream).toArray();
  }
}
