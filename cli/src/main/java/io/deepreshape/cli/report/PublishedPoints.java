package io.deepreshape.cli.report;

import java.util.List;
import java.util.Map;

/**
 * Published (ReLUs, top-1 %) points of ResNet-family ReLU-optimization methods (DEEPRESHAPE.md section
 * 10), drawn beside a pipeline's own points on the same dataset and labelled with their source.
 */
public final class PublishedPoints {
  /** One method's points: label with source, and (ReLUs, top-1 %) pairs. */
  public record Series(String label, double[][] points) {}

  private static final Map<String, List<Series>> BY_DATASET = Map.of(
      "cifar100", List.of(
          new Series("SNL (Cho et al., ICML 2022)", new double[][] {{12_900, 66.53}, {25_000, 70.05}, {49_400, 73.75},
              {99_900, 75.94}, {150_000, 77.35}, {180_000, 77.65}}),
          new Series("DeepReDuce (Jha et al., ICML 2021)", new double[][] {{12_300, 64.97}, {57_000, 72.68},
              {115_000, 74.72}, {229_000, 76.22}}),
          new Series("Sphynx (Cho et al., 2021)", new double[][] {{25_600, 66.13}, {51_200, 69.57}, {102_400, 72.90}})),
      "tinyimagenet", List.of(
          new Series("SNL (Cho et al., ICML 2022)", new double[][] {{100_000, 58.94}, {200_000, 63.39},
              {500_000, 64.42}}),
          new Series("DeepReDuce (Jha et al., ICML 2021)", new double[][] {{57_350, 53.75}, {114_690, 56.18},
              {229_000, 59.18}, {459_000, 62.26}})));

  private PublishedPoints() {}

  /** The published series for {@code dataset} (empty when none are known). */
  public static List<Series> forDataset(String dataset) {
    return BY_DATASET.getOrDefault(dataset, List.of());
  }
}
