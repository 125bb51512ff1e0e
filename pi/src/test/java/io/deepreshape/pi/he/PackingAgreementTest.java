package io.deepreshape.pi.he;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.accounting.Accounting;
import io.deepreshape.latency.LatencyModel;
import io.deepreshape.pi.quant.FloatNetwork;
import io.deepreshape.pi.quant.LinearOp;
import io.deepreshape.pi.quant.ProgramBuilder;
import io.deepreshape.pi.quant.RandomWeights;
import io.deepreshape.pi.quant.Step;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import org.junit.jupiter.api.Test;

/**
 * The latency model counts, from the accounting alone, the ciphertexts and polynomial products that the
 * engine's HomConv and HomFc plans of the same network use, the batch norms the engine cannot fold
 * (pre-activation WideResNets) included: it runs them as 1x1 convolutions.
 */
class PackingAgreementTest {
  @Test
  void theModelsCiphertextCountsAreTheEnginesOnEveryShape() {
    for (String[] n : new String[][] {{"resnet20", "cifar100"}, {"basech:16", "fashion-mnist"},
        {"hybrenet:4,5,5,2", "fashion-mnist"}, {"resnet50", "cifar100"}, {"resnet18", "tinyimagenet"}, {"wrn-16-2", "cifar10"}}) {
      NetworkSpec spec = Presets.build(n[0], Dataset.parse(n[1]));
      FloatNetwork program = ProgramBuilder.build(spec, new RandomWeights(1));
      long in = 0;
      long out = 0;
      long products = 0;
      for (Step step : program.steps()) {
        for (LinearOp op : step.linears()) {
          if (op.isConv()) {
            HomConv c = new HomConv(op.conv(), 4096);
            in += c.inputPolys();
            out += c.outputPolys();
            products += (long) c.inputPolys() * op.outChannels();
          } else {
            HomFc f = new HomFc(op.inFeatures(), op.outFeatures(), 4096);
            in += f.inputPolys();
            out += f.outputPolys();
            products += (long) f.inputPolys() * f.outputPolys();
          }
        }
      }
      LatencyModel.Counts c = LatencyModel.counts(Accounting.of(spec), 1, 4096, 0);
      assertThat(c.heInPolys()).as(n[0] + " input ciphertexts").isEqualTo(in);
      assertThat(c.heOutPolys()).as(n[0] + " output ciphertexts").isEqualTo(out);
      assertThat(c.heProducts()).as(n[0] + " products").isEqualTo(products);
    }
  }
}
