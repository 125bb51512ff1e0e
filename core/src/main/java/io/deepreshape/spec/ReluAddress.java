package io.deepreshape.spec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stable address of a ReLU layer: {@code stem}, {@code head} (WideResNet's final pre-pool ReLU) or
 * {@code s<i>.b<j>.r<p>} with stage, block and position counted from 1 (stage 1 is the paper's S1).
 */
public record ReluAddress(int stage, int block, int position) implements Comparable<ReluAddress> {
  private static final Pattern BLOCK = Pattern.compile("s(\\d+)\\.b(\\d+)\\.r(\\d+)");
  public static final ReluAddress STEM = new ReluAddress(0, 0, 0);
  public static final ReluAddress HEAD = new ReluAddress(Integer.MAX_VALUE, 0, 0);

  public static ReluAddress of(int stage, int block, int position) {
    if (stage < 1 || block < 1 || position < 1) {
      throw new SpecException("ReLU address parts are counted from 1, was s" + stage + ".b" + block + ".r" + position);
    }
    return new ReluAddress(stage, block, position);
  }

  public static ReluAddress parse(String text, String path) {
    if ("stem".equals(text)) {
      return STEM;
    }
    if ("head".equals(text)) {
      return HEAD;
    }
    Matcher m = BLOCK.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new SpecException(path + " must be a ReLU address (stem, head or s<i>.b<j>.r<p>), was '" + text + "'");
    }
    try {
      return of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (NumberFormatException e) {
      throw new SpecException(path + " has a number out of range: '" + text + "'");
    }
  }

  public boolean isStem() {
    return stage == 0;
  }

  public boolean isHead() {
    return stage == Integer.MAX_VALUE;
  }

  @Override
  public int compareTo(ReluAddress o) {
    int c = Integer.compare(stage, o.stage);
    if (c == 0) {
      c = Integer.compare(block, o.block);
    }
    return c != 0 ? c : Integer.compare(position, o.position);
  }

  @Override
  public String toString() {
    if (isStem()) {
      return "stem";
    }
    if (isHead()) {
      return "head";
    }
    return "s" + stage + ".b" + block + ".r" + position;
  }
}
