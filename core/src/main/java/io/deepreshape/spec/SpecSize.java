package io.deepreshape.spec;

import java.util.List;
import java.util.Locale;

/**
 * The size limits of {@link SpecLimits}: every feature map within {@link SpecLimits#MAX_ELEMENTS}, and an
 * over-estimate of the network's multiply-accumulates, by part, within {@link SpecLimits#MAX_MACS}.
 */
final class SpecSize {
  private static final int CONVS_PER_BLOCK = 4;

  private SpecSize() {}

  private static void requireElements(long channels, int[] size, String field) {
    long elements = channels * size[0] * size[1];
    if (elements > SpecLimits.MAX_ELEMENTS) {
      throw new SpecException(field + " is too large for its " + size[0] + "x" + size[1] + " feature map: "
          + channels + " channels give " + elements + " values per image, above the limit of "
          + SpecLimits.MAX_ELEMENTS);
    }
  }

  /** Fails naming the largest part when the network's bound exceeds {@link SpecLimits#MAX_MACS}. */
  static void check(InputShape input, StemSpec stem, BlockType block, List<StageSpec> stages, int[][] sizes) {
    double pixels = (double) input.height() * input.width();
    double total = 49.0 * input.channels() * stem.channels() * pixels;
    double largest = total;
    String largestPart = "stem.channels";
    requireElements(stem.channels(), sizes[0], "stem.channels");
    int previous = stem.channels();
    for (int i = 0; i < stages.size(); i++) {
      StageSpec s = stages.get(i);
      double channels = Math.max(previous, (double) s.width() * block.expansion());
      double stagePixels = (double) sizes[i][0] * sizes[i][1];
      double part = (double) s.phi() * CONVS_PER_BLOCK * 9 * channels * channels * stagePixels;
      total += part;
      if (part > largest) {
        largest = part;
        largestPart = "stages[" + i + "]";
      }
      previous = s.width() * block.expansion();
      requireElements(previous, sizes[i + 1], "stages[" + i + "].width");
    }
    total += (double) previous * input.classes();
    if (total > SpecLimits.MAX_MACS) {
      throw new SpecException(String.format(Locale.ROOT,
          "the network is too large: about %.1e multiply-accumulates, above the limit of %.1e (2^60); %s is the"
              + " largest part: reduce its width or blocks, or the input size", total, SpecLimits.MAX_MACS,
          largestPart));
    }
  }
}
