package io.deepreshape.pi.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.pi.quant.QuantConfig;
import io.deepreshape.pi.quant.QuantNetwork;
import io.deepreshape.pi.quant.Step;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The garbled material a client receives and keeps, layer by layer, is what three-halves costs:
 * 1.5 x 128 + 5 = 197 bits per AND gate (three 64-bit halves, and each batch's five control bits
 * per gate packed into whole longs), plus the 128-bit labels of the client's own share (from OT,
 * with no message from the server), and per batch a 128-bit seed of the server's mask labels, an
 * 8-byte tweak base and the decoding bits packed eight to a byte. Counted here from the circuits'
 * sizes alone, not from what the engine sent, and compared with what the client stored.
 */
@Timeout(120)
class GarbledMaterialBytesTest {
  @Test
  void theClientStoresThreeHalvesTablesAndItsLabels() {
    QuantNetwork net = Nets.quantized(Nets.basic(Map.of()), 5);
    InferenceResult r = LocalRun.run(net, Nets.info(net), Nets.image(5), true, Nets.CONFIG, null);
    QuantConfig q = net.config();
    int garbled = 0;
    for (Step step : net.program().steps()) {
      if (!step.garbled()) {
        continue;
      }
      List<GcGroup> groups = GcPlan.of(step, q);
      long want = 0;
      long ownLabels = 0;
      for (GcGroup g : groups) {
        for (int k0 = 0; k0 < g.instances(); k0 += g.batchSize()) {
          long b = Math.min(g.batchSize(), g.instances() - k0);
          long gates = (long) g.circuit().andGates() * b;
          long controlBits = 197 * gates - 192 * gates;
          want += 24 * gates + 8 * ((controlBits + 63) / 64);
          ownLabels += 16L * g.circuit().evaluatorInputs() * b;
          want += 16 + 8 + ((long) g.circuit().outputCount() * b + 7) / 8;
        }
      }
      LayerStats row = r.layers().get(step.index() + 1);
      assertThat(row.clientStorageBytes()).as(step.name()).isEqualTo(want + ownLabels);
      assertThat(GcClientLayer.expectedStorage(groups, q.l())).as(step.name()).isEqualTo(want + ownLabels);
      // what the server sends comes down in the offline phase, beside the HE replies
      assertThat(row.offlineDown()).as(step.name()).isGreaterThan(want);
      garbled++;
    }
    assertThat(garbled).isGreaterThan(2);
  }
}
