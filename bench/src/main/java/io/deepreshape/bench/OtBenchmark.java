package io.deepreshape.bench;

import io.deepreshape.pi.channel.InProcessChannel;
import io.deepreshape.pi.ot.IknpOtReceiver;
import io.deepreshape.pi.ot.IknpOtSender;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * IKNP OT extension, 2^20 128-bit OTs per invocation, sender and receiver as two threads over the
 * in-process channel (the base OTs are set up once): the score is OTs per second.
 */
@State(Scope.Benchmark)
public class OtBenchmark extends BenchmarkDefaults {
  private static final int N = 1 << 20;

  private final SecureRandom rnd = new SecureRandom();
  private final long[] choices = new long[N / 64];
  private final long[] messages = new long[4 * N];
  private InProcessChannel[] channels;
  private ExecutorService senderThread;
  private IknpOtSender sender;
  private IknpOtReceiver receiver;

  @Setup
  public void setUp() {
    channels = InProcessChannel.pair();
    senderThread = Executors.newSingleThreadExecutor();
    CompletableFuture<IknpOtSender> s = CompletableFuture.supplyAsync(() -> new IknpOtSender(channels[0], rnd),
        senderThread);
    receiver = new IknpOtReceiver(channels[1], rnd);
    sender = s.join();
    for (int i = 0; i < choices.length; i++) {
      choices[i] = rnd.nextLong();
    }
  }

  @TearDown
  public void tearDown() {
    channels[0].close();
    channels[1].close();
    senderThread.shutdownNow();
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long[] chosen() {
    CompletableFuture<?> side = CompletableFuture.runAsync(() -> sender.sendChosen(messages, N), senderThread);
    long[] got = receiver.receiveChosen(choices, N);
    side.join();
    return got;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long[] correlated() {
    CompletableFuture<long[]> side = CompletableFuture.supplyAsync(() -> sender.sendCorrelated(3, 5, N),
        senderThread);
    long[] got = receiver.receiveCorrelated(choices, N);
    side.join();
    return got;
  }
}
