package io.deepreshape.train.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.deepreshape.error.UserInputException;
import java.nio.file.Path;

/**
 * Which data a run trains and evaluates on: dataset name, folder (null for the dataset's default),
 * optional subset sizes (0 = all), seeded when a subset is random, and {@code validation} images held
 * out of the (subset of the) training set: with them, every epoch is evaluated on the validation split
 * and the test split only once, when the run finishes (0 = no validation split; epochs are evaluated on test).
 */
public record DataSettings(
    @JsonProperty("dataset") String dataset,
    @JsonProperty("data_dir") String dataDir,
    @JsonProperty("train_subset") int trainSubset,
    @JsonProperty("test_subset") int testSubset,
    @JsonProperty("subset_seed") long subsetSeed,
    @JsonProperty("validation") int validation) {

  public DataSettings(String dataset, String dataDir, int trainSubset, int testSubset, long subsetSeed) {
    this(dataset, dataDir, trainSubset, testSubset, subsetSeed, 0);
  }

  public DataSettings {
    if (dataset == null || dataset.isBlank()) {
      throw new UserInputException("dataset must be named");
    }
    if (trainSubset < 0 || testSubset < 0) {
      throw new UserInputException("subset sizes must be >= 0 (0 means the whole split)");
    }
    if (validation < 0) {
      throw new UserInputException("validation must be >= 0 images (0 means no validation split), was " + validation);
    }
  }

  public Path dataPath() {
    return dataDir == null ? null : Path.of(dataDir);
  }

  public DataSettings withDataDir(Path dir) {
    return new DataSettings(dataset, dir == null ? null : dir.toString(), trainSubset, testSubset, subsetSeed,
        validation);
  }
}
