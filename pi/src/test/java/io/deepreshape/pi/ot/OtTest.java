package io.deepreshape.pi.ot;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.pi.channel.InProcessChannel;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Base OT and IKNP extension between two threads over the in-process channel. */
@Timeout(60)
class OtTest {
  private static final SecureRandom RND = new SecureRandom();

  @Test
  void baseOtReceiverGetsTheChosenKeyOnly() {
    InProcessChannel[] ch = InProcessChannel.pair();
    int n = 40;
    long[] choices = {new SplittableRandom(1).nextLong()};
    CompletableFuture<long[]> sender =
        CompletableFuture.supplyAsync(() -> ChouOrlandiOt.send(ch[0], n, RND));
    long[] got = ChouOrlandiOt.receive(ch[1], choices, n, RND);
    long[] pairs = sender.join();
    for (int i = 0; i < n; i++) {
      int c = (int) ((choices[0] >>> i) & 1);
      assertThat(got[2 * i]).isEqualTo(pairs[4 * i + 2 * c]);
      assertThat(got[2 * i + 1]).isEqualTo(pairs[4 * i + 2 * c + 1]);
      assertThat(got[2 * i]).isNotEqualTo(pairs[4 * i + 2 * (1 - c)]);
    }
  }

  @Test
  void chosenMessageOtDeliversExactlyTheChosenMessages() {
    Extension ot = Extension.connect();
    IknpOtSender sender = ot.sender();
    IknpOtReceiver receiver = ot.receiver();
    SplittableRandom rnd = new SplittableRandom(9);
    for (int n : new int[] {1, 127, 128, 129, 1000, Iknp.CHUNK + 77}) {
      long[] messages = new long[4 * n];
      long[] choices = new long[(n + 63) / 64];
      fill(rnd, messages);
      fill(rnd, choices);
      CompletableFuture<Void> sent =
          CompletableFuture.runAsync(() -> sender.sendChosen(messages, n));
      long[] got = receiver.receiveChosen(choices, n);
      sent.join();
      assertThat(got).hasSize(2 * n);
      for (int j = 0; j < n; j++) {
        int r = (int) ((choices[j / 64] >>> j) & 1);
        assertThat(got[2 * j]).as("n=%d ot %d", n, j).isEqualTo(messages[4 * j + 2 * r]);
        assertThat(got[2 * j + 1]).isEqualTo(messages[4 * j + 2 * r + 1]);
      }
    }
  }

  @Test
  void correlatedOtGivesFreeXorLabelPairs() {
    Extension ot = Extension.connect();
    IknpOtSender sender = ot.sender();
    IknpOtReceiver receiver = ot.receiver();
    SplittableRandom rnd = new SplittableRandom(10);
    long d0 = rnd.nextLong() | 1;
    long d1 = rnd.nextLong();
    for (int n : new int[] {1, 64, 300, 4096}) {
      long[] choices = new long[(n + 63) / 64];
      fill(rnd, choices);
      CompletableFuture<long[]> m0 =
          CompletableFuture.supplyAsync(() -> sender.sendCorrelated(d0, d1, n));
      long[] got = receiver.receiveCorrelated(choices, n);
      long[] zero = m0.join();
      long distinct = 0;
      for (int j = 0; j < n; j++) {
        long r = -((choices[j / 64] >>> j) & 1);
        assertThat(got[2 * j]).isEqualTo(zero[2 * j] ^ (r & d0));
        assertThat(got[2 * j + 1]).isEqualTo(zero[2 * j + 1] ^ (r & d1));
        distinct += j > 0 && zero[2 * j] != zero[2 * j - 2] ? 1 : 0;
      }
      assertThat(distinct).isEqualTo(n - 1L);
    }
  }

  @Test
  void otOnTheOffsetGivesLabelPairsUnderTheSendersOffsetSendsNothingAndKeepsLaterOtsInStep() {
    Extension ot = Extension.connect();
    IknpOtSender sender = ot.sender();
    IknpOtReceiver receiver = ot.receiver();
    assertThat(sender.delta0() & 1).isEqualTo(1L);
    SplittableRandom rnd = new SplittableRandom(11);
    for (int n : new int[] {1, 64, 300, 70_000}) {
      long[] choices = new long[(n + 63) / 64];
      fill(rnd, choices);
      long sentBefore = ot.senderChannel().stats().totalBytesSent();
      CompletableFuture<long[]> q = CompletableFuture.supplyAsync(() -> sender.sendOnOffset(n));
      long[] got = receiver.receiveOnOffset(choices, n);
      long[] zero = q.join();
      assertThat(ot.senderChannel().stats().totalBytesSent()).as("the sender sends nothing").isEqualTo(sentBefore);
      for (int j = 0; j < n; j++) {
        long r = -((choices[j / 64] >>> j) & 1);
        assertThat(got[2 * j]).isEqualTo(zero[2 * j] ^ (r & sender.delta0()));
        assertThat(got[2 * j + 1]).isEqualTo(zero[2 * j + 1] ^ (r & sender.delta1()));
      }
    }
    long[] messages = new long[4 * 10];
    fill(rnd, messages);
    long[] choices = {0b1011001101L};
    CompletableFuture.runAsync(() -> sender.sendChosen(messages, 10));
    long[] got = receiver.receiveChosen(choices, 10);
    for (int j = 0; j < 10; j++) {
      int r = (int) ((choices[0] >>> j) & 1);
      assertThat(got[2 * j]).isEqualTo(messages[4 * j + 2 * r]);
    }
  }

  /** An IKNP sender and receiver set up over an in-process channel pair. */
  private record Extension(InProcessChannel senderChannel, IknpOtSender sender, IknpOtReceiver receiver) {
    static Extension connect() {
      InProcessChannel[] ch = InProcessChannel.pair();
      CompletableFuture<IknpOtSender> s = CompletableFuture.supplyAsync(() -> new IknpOtSender(ch[0], RND));
      IknpOtReceiver receiver = new IknpOtReceiver(ch[1], RND);
      return new Extension(ch[0], s.join(), receiver);
    }
  }

  private static void fill(SplittableRandom rnd, long[] a) {
    for (int i = 0; i < a.length; i++) {
      a[i] = rnd.nextLong();
    }
  }
}
