package io.deepreshape.pi.load;

import io.deepreshape.pi.channel.ChannelConfig;
import io.deepreshape.pi.channel.TcpChannel;
import io.deepreshape.pi.protocol.ClientSession;
import io.deepreshape.pi.protocol.PiServer;
import io.deepreshape.pi.protocol.ServerInfo;
import io.deepreshape.pi.protocol.ServerLimits;
import io.deepreshape.pi.quant.PlainReference;
import io.deepreshape.pi.quant.ProgramBuilder;
import io.deepreshape.pi.quant.QuantConfig;
import io.deepreshape.pi.quant.QuantNetwork;
import io.deepreshape.pi.quant.RandomWeights;
import io.deepreshape.spec.BlockType;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.InputShape;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.StemType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many clients at once against one {@link PiServer} on loopback (issue 20, item 4): for each client
 * count, a fresh server process, that many clients running {@code rounds} sessions each at once,
 * every result checked against the plaintext reference, and one line with sessions per minute and
 * the server process's peak heap in use (sampled every 10 ms) and peak RSS ({@code VmHWM}). Usage:
 * {@code LoadTest PRESET DATASET ROUNDS CLIENTS...}, e.g. {@code LoadTest tiny - 2 1 4 8} (the
 * tiny network of the protocol tests) or {@code LoadTest resnet20 cifar10 1 1 4 8}. The server
 * process gets {@code -Xmx} from the system property {@code deepreshape.load.xmx} (default 4g).
 */
public final class LoadTest {
  private static final ChannelConfig CONFIG = new ChannelConfig(1 << 28, 300_000);
  private static final long WEIGHT_SEED = 11;

  private LoadTest() {}

  /** Runs the load test, or with {@code serve PRESET DATASET SESSIONS} the server process. */
  public static void main(String[] args) throws Exception {
    if (args.length == 4 && args[0].equals("serve")) {
      serve(args[1], args[2], Integer.parseInt(args[3]));
      return;
    }
    if (args.length < 4) {
      System.err.println("usage: LoadTest PRESET DATASET ROUNDS CLIENTS...");
      System.exit(2);
    }
    QuantNetwork net = network(args[0], args[1]);
    int rounds = Integer.parseInt(args[2]);
    System.out.printf("load %s/%s, %d sessions per client, server and clients on this machine%n",
        args[0], args[1], rounds);
    for (int i = 3; i < args.length; i++) {
      run(args[0], args[1], net, rounds, Integer.parseInt(args[i]));
    }
  }

  static QuantNetwork network(String preset, String dataset) {
    NetworkSpec spec = preset.equals("tiny")
        ? Presets.fromFactors("tiny-basic", new InputShape(3, 8, 8, 5), StemType.CIFAR,
            BlockType.BASIC, 4, new int[] {1, 1}, new int[] {2})
        : Presets.build(preset, Dataset.parse(dataset));
    return QuantNetwork.quantize(ProgramBuilder.build(spec, new RandomWeights(WEIGHT_SEED)),
        QuantConfig.DEFAULT);
  }

  private static void run(String preset, String dataset, QuantNetwork net, int rounds,
      int clients) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process server = new ProcessBuilder(java,
        "-Xmx" + System.getProperty("deepreshape.load.xmx", "4g"),
        "-cp", System.getProperty("java.class.path"), LoadTest.class.getName(), "serve",
        preset, dataset, Integer.toString(clients))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
        StandardCharsets.UTF_8));
    int port = Integer.parseInt(out.readLine().replace("port ", "").trim());
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long t0 = System.nanoTime();
    List<Future<Integer>> wrong = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      long seed = 1000L * c;
      wrong.add(pool.submit(() -> clientRounds(port, net, rounds, seed)));
    }
    int bad = 0;
    for (Future<Integer> f : wrong) {
      bad += f.get();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    PrintStream stop = new PrintStream(server.getOutputStream(), true, StandardCharsets.UTF_8);
    stop.println("stop");
    String peak = out.readLine();
    server.waitFor();
    int sessions = clients * rounds;
    System.out.printf(Locale.ROOT, "clients %d: %d sessions in %.1f s, %.1f sessions/min, %d wrong;"
        + " server %s%n", clients, sessions, seconds, sessions * 60 / seconds, bad, peak);
  }

  /** {@code rounds} inferences of random images; returns how many disagreed with the reference. */
  private static int clientRounds(int port, QuantNetwork net, int rounds, long seed) {
    int bad = 0;
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int r = 0; r < rounds; r++) {
      double[] image = new double[net.program().inputElements()];
      for (int i = 0; i < image.length; i++) {
        image[i] = rnd.nextDouble(-2, 2);
      }
      long[] want = PlainReference.signedLogits(net, net.quantizeInput(image));
      try (TcpChannel ch = TcpChannel.connect("127.0.0.1", port, CONFIG)) {
        long[] got = new ClientSession(null).run(ch, x -> image).logits();
        bad += Arrays.equals(got, want) ? 0 : 1;
      }
    }
    return bad;
  }

  /** The server process: serves until a line arrives on stdin, then prints its peaks. */
  private static void serve(String preset, String dataset, int sessions) throws Exception {
    QuantNetwork net = network(preset, dataset);
    ServerInfo info = new ServerInfo(net.program().spec(), net.config(), null, null, null);
    long[] peakHeap = {0};
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        peakHeap[0] = Math.max(peakHeap[0], used);
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    try (PiServer server = PiServer.start("127.0.0.1", 0, net, info, CONFIG, line -> { },
        ServerLimits.defaults(sessions, 600_000))) {
      System.out.println("port " + server.port());
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      sampler.interrupt();
      sampler.join();
      System.out.printf(Locale.ROOT, "served %d, failed %d, peak heap used %.0f MiB, peak RSS %s%n",
          server.served(), server.failed(), peakHeap[0] / 1048576.0, peakRss());
    }
  }

  /** The process's peak resident set ({@code VmHWM} of {@code /proc/self/status}), or n/a. */
  private static String peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return String.format(Locale.ROOT, "%.0f MiB", kb / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
    return "n/a";
  }
}
