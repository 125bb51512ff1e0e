package io.deepreshape.pi.ot;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.pi.channel.ChannelConfig;
import io.deepreshape.pi.channel.Phase;
import io.deepreshape.pi.channel.TcpChannel;
import io.deepreshape.pi.gc.Circuit;
import io.deepreshape.pi.gc.GarbledBatch;
import io.deepreshape.pi.gc.Garbler;
import io.deepreshape.pi.gc.GarblingScheme;
import io.deepreshape.pi.gc.GcEvaluator;
import io.deepreshape.pi.gc.ReluCircuits;
import io.deepreshape.pi.gc.WireBits;
import io.deepreshape.pi.prg.AesPrg;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The building blocks together over TCP on 127.0.0.1: the evaluator's input labels of a batch of
 * ReLU circuits come by correlated OT (more OTs than one extension chunk), the tables and the
 * garbler's labels by the channel; the decoded outputs match plain arithmetic.
 */
@Timeout(60)
class GarbledInputsOverTcpTest {
  private static final int L = 37;
  private static final int S = 12;
  private static final byte TABLES = 1;
  private static final byte LABELS = 2;
  private static final byte DECODE = 3;

  @Test
  void reluBatchWithOtInputsOverLoopback() throws Exception {
    Circuit relu = ReluCircuits.relu(L, S);
    int batch = 2_000;
    int ots = relu.evaluatorInputs() * batch;
    assertThat(ots).isGreaterThan(Iknp.CHUNK);
    SplittableRandom rnd = new SplittableRandom(8);
    long mask = (1L << L) - 1;
    long[] a = new long[batch];
    long[] u = new long[batch];
    long[] c = new long[batch];
    for (int k = 0; k < batch; k++) {
      a[k] = rnd.nextLong() & mask;
      u[k] = rnd.nextLong() & mask;
      c[k] = rnd.nextLong() & mask;
    }
    ChannelConfig config = new ChannelConfig(1 << 28, 20_000);
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Long> garblerSide = CompletableFuture.supplyAsync(() -> {
        try (TcpChannel ch = TcpChannel.accept(server, config)) {
          garble(ch, relu, batch, a, u);
          return ch.stats().bytesSent(Phase.OFFLINE);
        }
      });
      long[] v;
      try (TcpChannel ch = TcpChannel.connect("127.0.0.1", server.getLocalPort(), config)) {
        v = evaluate(ch, relu, batch, c);
      }
      long sent = garblerSide.get();
      assertThat(sent).isGreaterThan(
          GarblingScheme.ENGINE.tableBytes((long) relu.andGates() * batch));
      for (int k = 0; k < batch; k++) {
        long y = ((a[k] + c[k]) << (64 - L)) >> (64 - L);
        long want = ((y < 0 ? 0 : y >> S) - u[k]) & mask;
        assertThat(v[k]).as("instance %d", k).isEqualTo(want);
      }
    }
  }

  private static void garble(TcpChannel ch, Circuit relu, int batch, long[] a, long[] u) {
    Garbler garbler = new Garbler(AesPrg.fromSecureRandom());
    IknpOtSender ot = new IknpOtSender(ch, new SecureRandom());
    long[] evalLabels = ot.sendCorrelated(garbler.delta0(), garbler.delta1(),
        relu.evaluatorInputs() * batch);
    GarbledBatch gb = garbler.garble(relu, batch, evalLabels);
    byte[] bits = new byte[relu.garblerInputs() * batch];
    WireBits.encode(a, 1, L, bits, 0, batch);
    WireBits.encode(u, 1, L, bits, L, batch);
    ch.sendLongs(TABLES, gb.tables(), 0, gb.tables().length);
    long[] labels = garbler.encode(gb, 0, relu.garblerInputs(), bits);
    ch.sendLongs(LABELS, labels, 0, labels.length);
    ch.send(DECODE, gb.decodeBits());
  }

  private static long[] evaluate(TcpChannel ch, Circuit relu, int batch, long[] c) {
    IknpOtReceiver ot = new IknpOtReceiver(ch, new SecureRandom());
    byte[] cBits = new byte[relu.evaluatorInputs() * batch];
    WireBits.encode(c, 1, L, cBits, 0, batch);
    long[] choices = WireBits.pack(cBits);
    long[] evalLabels = ot.receiveCorrelated(choices, cBits.length);
    long[] tables = ch.receiveLongs(TABLES,
        GarblingScheme.ENGINE.tableLongs((long) relu.andGates() * batch));
    long[] garblerLabels = ch.receiveLongs(LABELS, relu.garblerInputs() * batch * 2);
    byte[] decode = ch.receive(DECODE);
    long[] inputs = new long[relu.inputs() * batch * 2];
    System.arraycopy(garblerLabels, 0, inputs, 0, garblerLabels.length);
    System.arraycopy(evalLabels, 0, inputs, garblerLabels.length, evalLabels.length);
    long[] out = new GcEvaluator().evaluate(relu, batch, tables, inputs, 0);
    return WireBits.decode(GcEvaluator.decode(out, decode), 0, 1, L, batch);
  }
}
