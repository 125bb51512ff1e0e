package io.deepreshape.train.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.deepreshape.error.UserInputException;
import java.nio.file.Path;

/**
 * Which data a run trains and evaluates on: dataset name, folder (null for the dataset's default),
 * optional subset sizes (0 = all), seeded when a subset is random.
 */
public record DataSettings(
    @JsonProperty("dataset") String dataset,
    @JsonProperty("data_dir") String dataDir,
    @JsonProperty("train_subset") int trainSubset,
    @JsonProperty("test_subset") int testSubset,
    @JsonProperty("subset_seed") long subsetSeed) {

  public DataSettings {
    if (dataset == null || dataset.isBlank()) {
      throw new UserInputException("dataset must be named");
    }
    if (trainSubset < 0 || testSubset < 0) {
      throw new UserInputException("subset sizes must be >= 0 (0 means the whole split)");
    }
  }

  public Path dataPath() {
    return dataDir == null ? null : Path.of(dataDir);
  }

  public DataSettings withDataDir(Path dir) {
    return new DataSettings(dataset, dir == null ? null : dir.toString(), trainSubset, testSubset, subsetSeed);
  }
}
