package io.deepreshape.pi.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.pi.channel.TcpChannel;
import io.deepreshape.pi.quant.PlainReference;
import io.deepreshape.pi.quant.QuantNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Eight legitimate clients at once against one {@link PiServer} on loopback (issue 20, item 4),
 * each with its own image: every one gets the reference's logits, none is turned away or cut by a
 * deadline, and a normal client is served afterwards. Bounded: nine sessions of a tiny network,
 * two minutes at most.
 */
@Tag("slow")
@Timeout(180)
class ManyClientsTest {
  private static final int CLIENTS = 8;
  private static final ServerLimits LIMITS = ServerLimits.defaults(CLIENTS, 120_000);

  @Test
  void eightClientsAtOnceAreAllServedCorrectlyAndThenANormalOne() throws Exception {
    QuantNetwork net = Nets.quantized(Nets.basic(Map.of()), 7);
    List<String> log = new CopyOnWriteArrayList<>();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS, r -> {
      Thread t = new Thread(r, "load-client");
      t.setDaemon(true);
      return t;
    });
    try (PiServer server = PiServer.start("127.0.0.1", 0, net, Nets.info(net), Nets.CONFIG,
        log::add, LIMITS)) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        double[] image = Nets.image(100 + i);
        long[] want = PlainReference.signedLogits(net, net.quantizeInput(image));
        results.add(clients.submit(() -> {
          start.await();
          return java.util.Arrays.equals(infer(server.port(), image), want);
        }));
      }
      start.countDown();
      for (int i = 0; i < CLIENTS; i++) {
        assertThat(results.get(i).get(150, TimeUnit.SECONDS)).as("client %d's logits", i).isTrue();
      }
      assertThat(server.served()).isEqualTo(CLIENTS);
      double[] image = Nets.image(99);
      assertThat(infer(server.port(), image))
          .isEqualTo(PlainReference.signedLogits(net, net.quantizeInput(image)));
      assertThat(server.served()).isEqualTo(CLIENTS + 1);
      assertThat(server.failed()).isZero();
      assertThat(server.refused()).isZero();
      assertThat(log).noneMatch(l -> l.contains("failed"));
    } finally {
      clients.shutdownNow();
    }
  }

  private static long[] infer(int port, double[] image) {
    try (TcpChannel ch = TcpChannel.connect("127.0.0.1", port, Nets.CONFIG)) {
      return new ClientSession(null).run(ch, x -> image).logits();
    }
  }
}
