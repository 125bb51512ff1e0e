package io.deepreshape.pi.bench;

import io.deepreshape.pi.channel.InProcessChannel;
import io.deepreshape.pi.ot.IknpOtReceiver;
import io.deepreshape.pi.ot.IknpOtSender;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;

/** IKNP OT extension rate: sender and receiver as two threads over the in-process channel. */
final class OtBench {
  private OtBench() {}

  static void run(int n, int rounds) {
    SecureRandom rnd = new SecureRandom();
    InProcessChannel[] ch = InProcessChannel.pair();
    long t0 = System.nanoTime();
    CompletableFuture<IknpOtSender> s =
        CompletableFuture.supplyAsync(() -> new IknpOtSender(ch[0], rnd));
    IknpOtReceiver receiver = new IknpOtReceiver(ch[1], rnd);
    IknpOtSender sender = s.join();
    System.out.printf("OT  base OTs (128 Chou-Orlandi, secp256r1): %.1f ms%n",
        (System.nanoTime() - t0) / 1e6);
    long[] choices = new long[(n + 63) / 64];
    long[] messages = new long[4 * n];
    for (int i = 0; i < choices.length; i++) {
      choices[i] = rnd.nextLong();
    }
    for (int mode = 0; mode < 2; mode++) {
      boolean chosen = mode == 0;
      for (int r = 0; r < 2; r++) {
        once(sender, receiver, chosen, messages, choices, n);
      }
      long t1 = System.nanoTime();
      for (int r = 0; r < rounds; r++) {
        once(sender, receiver, chosen, messages, choices, n);
      }
      double sec = (System.nanoTime() - t1) / 1e9;
      System.out.printf("OT  IKNP %s 128-bit OT: %.2f M OT/s (%d OTs x %d rounds, 2 threads)%n",
          chosen ? "chosen    " : "correlated", (double) n * rounds / sec / 1e6, n, rounds);
    }
    ch[0].close();
    ch[1].close();
  }

  private static void once(IknpOtSender sender, IknpOtReceiver receiver, boolean chosen,
      long[] messages, long[] choices, int n) {
    CompletableFuture<?> side = chosen
        ? CompletableFuture.runAsync(() -> sender.sendChosen(messages, n))
        : CompletableFuture.supplyAsync(() -> sender.sendCorrelated(3, 5, n));
    if (chosen) {
      receiver.receiveChosen(choices, n);
    } else {
      receiver.receiveCorrelated(choices, n);
    }
    side.join();
  }
}
