package io.deepreshape.cli.pi;

import io.deepreshape.pi.quant.PlainReference;
import io.deepreshape.pi.quant.QuantNetwork;
import io.deepreshape.pi.protocol.ServerInfo;
import io.deepreshape.train.data.ImageDataset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The float (BN-folded) network against its quantised reference on the first {@code images} test
 * images: how often their top-1 classes agree, and each one's top-1 accuracy against the labels.
 */
record Agreement(int images, int agreeing, int floatCorrect, int quantizedCorrect) {

  double agreement() {
    return agreeing / (double) images;
  }

  double floatTop1() {
    return floatCorrect / (double) images;
  }

  double quantizedTop1() {
    return quantizedCorrect / (double) images;
  }

  /** Evaluates the first {@code n} images of {@code ds} on all cores; {@code done} hears each finished count. */
  static Agreement measure(QuantNetwork net, ServerInfo info, ImageDataset ds, int n, IntConsumer done) {
    AtomicInteger agree = new AtomicInteger();
    AtomicInteger floatOk = new AtomicInteger();
    AtomicInteger quantOk = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    IntStream.range(0, n).parallel().forEach(i -> {
      double[] x = RunModel.image(ds, i, info.mean(), info.std());
      int f = PlainReference.argmax(PlainReference.floatLogits(net.program(), x));
      int q = PlainReference.argmax(PlainReference.signedLogits(net, net.quantizeInput(x)));
      int label = ds.label(i);
      if (f == q) {
        agree.incrementAndGet();
      }
      if (f == label) {
        floatOk.incrementAndGet();
      }
      if (q == label) {
        quantOk.incrementAndGet();
      }
      done.accept(finished.incrementAndGet());
    });
    return new Agreement(n, agree.get(), floatOk.get(), quantOk.get());
  }
}
