package io.deepreshape.pi.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.pi.he.BfvParameters;
import io.deepreshape.pi.he.FloodingBudget;
import io.deepreshape.pi.quant.FloatNetwork;
import io.deepreshape.pi.quant.LinearOp;
import io.deepreshape.pi.quant.ProgramBuilder;
import io.deepreshape.pi.quant.QuantConfig;
import io.deepreshape.pi.quant.Step;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.Presets;
import org.junit.jupiter.api.Test;

/**
 * The server floods and sends {@code c0} at one coefficient per output of every linear layer, no
 * more: the session's budget counts exactly the layers' output elements (an independent count
 * from the network's shape), which for ResNet18 on CIFAR-100 is 614,500 (stem 65,536, stage one
 * 4 x 65,536, then 5 x 32,768, 5 x 16,384 and 5 x 8,192 with the shortcuts, 100 logits), so
 * {@code lambda = 40 + 20}.
 */
class ReplyBudgetTest {
  @Test
  void theBudgetCountsOneCoefficientPerOutput() {
    FloatNetwork program = ProgramBuilder.shape(Presets.build("resnet18", Dataset.CIFAR100));
    BfvParameters params = HeContext.params(QuantConfig.DEFAULT.l());
    long flooded = 0;
    long outputs = 0;
    for (Step step : program.steps()) {
      for (LinearOp op : step.linears()) {
        flooded += HeLinear.repliedCoefficients(op, params);
        outputs += op.outElements();
      }
    }
    assertThat(outputs).isEqualTo(614_500);
    assertThat(flooded).isEqualTo(outputs);
    assertThat(FloodingBudget.forSession(params, flooded).lambda()).isEqualTo(60);
  }
}
