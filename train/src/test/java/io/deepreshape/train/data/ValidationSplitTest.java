package io.deepreshape.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The validation split: disjoint from what is trained on, together the whole set, fixed by its seed alone. */
class ValidationSplitTest {
  /** 1x1x2 images whose two bytes spell their own index. */
  private static final ImageDataset NUMBERED = new ImageDataset() {
    @Override
    public String name() {
      return "numbered";
    }

    @Override
    public int size() {
      return 1000;
    }

    @Override
    public int channels() {
      return 1;
    }

    @Override
    public int height() {
      return 1;
    }

    @Override
    public int width() {
      return 2;
    }

    @Override
    public int classes() {
      return 10;
    }

    @Override
    public int label(int index) {
      return index % 10;
    }

    @Override
    public void copyImage(int index, byte[] dst, int offset) {
      dst[offset] = (byte) (index >> 8);
      dst[offset + 1] = (byte) index;
    }
  };

  private static List<Integer> ids(ImageDataset ds) {
    List<Integer> out = new ArrayList<>();
    byte[] b = new byte[2];
    for (int i = 0; i < ds.size(); i++) {
      ds.copyImage(i, b, 0);
      int id = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
      assertThat(ds.label(i)).isEqualTo(id % 10);
      out.add(id);
    }
    return out;
  }

  @Test
  void validationAndTrainingPartitionTheSetInDatasetOrder() {
    ValidationSplit s = ValidationSplit.of(NUMBERED, 150, 42);
    List<Integer> val = ids(s.validation());
    List<Integer> train = ids(s.train());
    assertThat(val).hasSize(150).isSorted();
    assertThat(train).hasSize(850).isSorted();
    Set<Integer> all = new HashSet<>(val);
    all.addAll(train);
    assertThat(all).hasSize(1000);
    // spread over the set, not its first images
    assertThat(val.get(val.size() - 1)).isGreaterThan(800);
  }

  @Test
  void theSeedAloneFixesTheSplit() {
    assertThat(ids(ValidationSplit.of(NUMBERED, 100, 42).validation()))
        .isEqualTo(ids(ValidationSplit.of(NUMBERED, 100, 42).validation()))
        .isNotEqualTo(ids(ValidationSplit.of(NUMBERED, 100, 43).validation()));
  }

  @Test
  void aSplitTakingEverythingOrNothingIsRefused() {
    assertThatThrownBy(() -> ValidationSplit.of(NUMBERED, 1000, 1)).hasMessageContaining("[1, 999]");
    assertThatThrownBy(() -> ValidationSplit.of(NUMBERED, 0, 1)).hasMessageContaining("was 0");
  }
}
