package io.deepreshape.pi.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.graph.EnginePlan;
import io.deepreshape.graph.GarbledCounts;
import io.deepreshape.graph.NetworkGraph;
import io.deepreshape.latency.Profile;
import io.deepreshape.latency.Profiles;
import io.deepreshape.pi.he.BfvParameters;
import io.deepreshape.pi.he.Ciphertext;
import io.deepreshape.pi.he.HomConv;
import io.deepreshape.pi.he.HomFc;
import io.deepreshape.pi.he.NttPlaintext;
import io.deepreshape.pi.quant.FloatNetwork;
import io.deepreshape.pi.quant.LinearOp;
import io.deepreshape.pi.quant.ProgramBuilder;
import io.deepreshape.pi.quant.QuantConfig;
import io.deepreshape.pi.quant.Step;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.NetworkSpec;
import io.deepreshape.spec.Presets;
import io.deepreshape.spec.ReluAddress;
import io.deepreshape.spec.ReluMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What {@code analyze} reports of a network ({@link EnginePlan}: ReLUs, truncations, max-pool windows,
 * AND gates, OTs, HE ciphertexts and products) equals what the engine plans for the same spec: the
 * circuits {@link GcPlan} assigns to every step of {@link ProgramBuilder}'s program, counted as {@code
 * ClientSession} reports them in {@code pi bench}, and the polynomials of its HomConv and HomFc plans.
 * Every preset family on every dataset, WideResNets (stem and sum truncations) and the ImageNet stem
 * (max-pool) included, plus culled, partial and reuse modes.
 */
class EngineAgreementTest {
  private static final List<String> PRESETS = List.of("resnet18", "resnet34", "resnet50", "resnet20", "resnet56",
      "wrn-16-2", "wrn-16-4", "wrn-22-8", "basech:16", "stagech:16,2", "hybrenet:8,5,5,3");

  /** Networks above this many garbled elements run in the slow suite (the engine's plan lists every element). */
  private static final long LARGE = 8_000_000;
  /** The ring degree the engine's sessions run at. */
  private static final int N = BfvParameters.SESSION_N;

  @Test
  void latencyModelPacksAtTheEnginesRingDegree() {
    assertThat(Profile.DEFAULT_POLY_DEGREE).isEqualTo(N);
    assertThat(Profiles.load("measured").value("he_poly_degree")).isEqualTo(N);
  }

  @TestFactory
  List<DynamicTest> analyzeCountsAreTheEngines() {
    List<DynamicTest> tests = matrix(false);
    NetworkSpec modes = Presets.build("resnet18", Dataset.IMAGENET).withReluModes(Map.of(
        ReluAddress.STEM, new ReluMode.PartialFraction(0.5), ReluAddress.of(1, 1, 1), ReluMode.IDENTITY,
        ReluAddress.of(2, 1, 2), new ReluMode.Reuse(3), ReluAddress.of(3, 2, 1), new ReluMode.Reuse(5)));
    tests.add(DynamicTest.dynamicTest("resnet18 on imagenet, mixed modes", () -> check(modes)));
    NetworkSpec wide = Presets.build("wrn-16-2", Dataset.CIFAR100).withReluModes(Map.of(
        ReluAddress.HEAD, new ReluMode.Reuse(2), ReluAddress.of(2, 1, 1), ReluMode.IDENTITY));
    tests.add(DynamicTest.dynamicTest("wrn-16-2 on cifar100, mixed modes", () -> check(wide)));
    return tests;
  }

  @Tag("slow")
  @TestFactory
  List<DynamicTest> analyzeCountsAreTheEnginesOnLargeNetworks() {
    return matrix(true);
  }

  /** Every preset on every dataset, the small ones or the large ones. */
  private static List<DynamicTest> matrix(boolean large) {
    List<DynamicTest> tests = new ArrayList<>();
    for (String p : PRESETS) {
      for (Dataset d : Dataset.values()) {
        if (d == Dataset.IMAGENET && p.startsWith("wrn-22")) {
          continue; // 224x224 at 8 times the width: 800 M garbled elements, too many to plan element by element
        }
        NetworkSpec spec = Presets.build(p, d);
        if ((EnginePlan.of(NetworkGraph.of(spec), N).garbled().elements() > LARGE) == large) {
          tests.add(DynamicTest.dynamicTest(p + " on " + d.name().toLowerCase(), () -> check(spec)));
        }
      }
    }
    return tests;
  }

  private static void check(NetworkSpec spec) {
    QuantConfig q = QuantConfig.DEFAULT;
    FloatNetwork program = ProgramBuilder.shape(spec);
    long relus = 0;
    long trunc = 0;
    long ands = 0;
    long ots = 0;
    long windows = 0;
    long in = 0;
    long out = 0;
    long products = 0;
    for (Step step : program.steps()) {
      if (step.garbled()) {
        for (GcGroup g : GcPlan.of(step, q)) {
          ands += (long) g.circuit().andGates() * g.instances();
          ots += (long) g.circuit().evaluatorInputs() * g.instances();
          relus += (long) g.fullRelus() * g.instances();
          if (step.pool() != null) {
            windows += g.instances();
          } else if (g.fullRelus() == 0) {
            trunc += g.instances();
          }
        }
      }
      for (LinearOp op : step.linears()) {
        if (op.isConv()) {
          HomConv whole = new HomConv(op.conv(), N);
          in += whole.inputPolys();
          int chunk = HeLinear.chunk(op, BfvParameters.session(q.l()));
          for (int m0 = 0; m0 < op.outChannels(); m0 += chunk) {
            HomConv c = whole.firstKernels(Math.min(chunk, op.outChannels() - m0));
            out += c.outputPolys();
            for (int o = 0; o < c.outputPolys(); o++) {
              products += c.termsOf(new Ciphertext[c.inputPolys()],
                  new NttPlaintext[c.kernelPolys()], o).cts().length;
            }
          }
        } else {
          HomFc f = new HomFc(op.inFeatures(), op.outFeatures(), N);
          in += f.inputPolys();
          out += f.outputPolys();
          products += (long) f.inputPolys() * f.outputPolys();
        }
      }
    }
    EnginePlan plan = EnginePlan.of(NetworkGraph.of(spec), N);
    GarbledCounts g = plan.garbled();
    assertThat(g.relus()).as("relus").isEqualTo(relus);
    assertThat(g.truncations()).as("truncations").isEqualTo(trunc);
    assertThat(g.poolWindows()).as("max-pool windows").isEqualTo(windows);
    assertThat(g.andGates(q.l(), q.s())).as("AND gates").isEqualTo(ands);
    assertThat(g.ots(q.l())).as("OTs").isEqualTo(ots);
    assertThat(plan.inputPolys()).as("input ciphertexts").isEqualTo(in);
    assertThat(plan.outputPolys()).as("output ciphertexts").isEqualTo(out);
    assertThat(plan.products()).as("products").isEqualTo(products);
  }
}
