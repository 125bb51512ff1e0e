package io.deepreshape.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deepreshape.spec.Dataset;
import io.deepreshape.spec.Presets;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compares the accounting with an independent implementation of the same counts
 * ({@code tools/independent_count.py}, written from PyTorch's layer semantics, not from this code):
 * ResNets with Basic and Bottleneck blocks, CIFAR ResNets, WideResNets and the DeepReShape families on
 * every dataset, Fashion-MNIST's odd 28 -> 14 -> 7 -> 4 sizes included. ResNet50/ImageNet also matches
 * torchvision's published 25,557,032 parameters and WRN-28-10 the published 36.5M.
 */
class IndependentCountTest {

  @TestFactory
  List<DynamicTest> everyGoldenRowMatches() throws IOException {
    JsonNode rows;
    try (InputStream in = getClass().getResourceAsStream("/golden/complexity.json")) {
      rows = new ObjectMapper().readTree(in);
    }
    assertThat(rows.size()).isGreaterThan(40);
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode r : rows) {
      String preset = r.get("preset").asText();
      String dataset = r.get("dataset").asText();
      tests.add(DynamicTest.dynamicTest(preset + " on " + dataset, () -> {
        NetworkCost c = Accounting.of(Presets.build(preset, Dataset.parse(dataset)));
        assertThat(c.relus()).as("ReLUs").isEqualTo(r.get("relus").asLong());
        assertThat(c.macs()).as("FLOPs").isEqualTo(r.get("flops").asLong());
        assertThat(c.params()).as("params").isEqualTo(r.get("params").asLong());
      }));
    }
    return tests;
  }
}
