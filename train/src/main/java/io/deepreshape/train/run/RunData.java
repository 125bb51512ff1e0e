package io.deepreshape.train.run;

import io.deepreshape.error.UserInputException;

import io.deepreshape.spec.InputShape;
import io.deepreshape.train.data.BatchIterator;
import io.deepreshape.train.data.BatchLoader;
import io.deepreshape.train.data.Datasets;
import io.deepreshape.train.data.HostBatch;
import io.deepreshape.train.data.ImageDataset;
import io.deepreshape.train.data.LoaderOptions;
import io.deepreshape.train.data.Normalization;
import io.deepreshape.train.data.Split;
import io.deepreshape.train.data.Subsets;
import io.deepreshape.train.data.ValidationSplit;
import io.deepreshape.train.trainer.CloseableIterator;
import io.deepreshape.train.trainer.EpochSource;
import io.deepreshape.train.trainer.EvalSource;

/**
 * The opened train, validation (null without one) and test sets of a run, checked against the network's
 * input, and loaders over them. The validation images are a seeded random part of the training set and
 * never trained on; normalization statistics come from the remaining training images only.
 */
public record RunData(DataSettings settings, ImageDataset train, ImageDataset validation, ImageDataset test,
    Normalization normalization) {

  /** Opens and validates both splits before any training starts. */
  public static RunData open(DataSettings s, InputShape input) {
    ImageDataset train = Datasets.open(s.dataset(), s.dataPath(), Split.TRAIN);
    ImageDataset test = Datasets.open(s.dataset(), s.dataPath(), Split.TEST);
    if (s.trainSubset() > 0 && s.trainSubset() < train.size()) {
      train = Subsets.random(train, s.trainSubset(), s.subsetSeed());
    }
    if (s.testSubset() > 0 && s.testSubset() < test.size()) {
      test = Subsets.random(test, s.testSubset(), s.subsetSeed() + 1);
    }
    ImageDataset validation = null;
    if (s.validation() > 0) {
      if (s.validation() >= train.size()) {
        throw new UserInputException("validation must be fewer images than the training set's " + train.size()
            + ", was " + s.validation());
      }
      ValidationSplit split = ValidationSplit.of(train, s.validation(), s.subsetSeed());
      train = split.train();
      validation = split.validation();
    }
    if (train.channels() != input.channels() || train.height() != input.height() || train.width() != input.width()
        || train.classes() != input.classes()) {
      throw new UserInputException("dataset " + train.name() + " has images " + train.channels() + "x"
          + train.height() + "x" + train.width() + " with " + train.classes() + " classes, but the network expects "
          + input + "; build the network for this dataset (e.g. --dataset " + s.dataset() + ")");
    }
    return new RunData(s, train, validation, test, Datasets.normalization(s.dataset(), train));
  }

  /** Shuffled, augmented training batches. */
  public EpochSource trainSource(int batchSize, long seed) {
    BatchLoader loader = new BatchLoader(train,
        LoaderOptions.training(batchSize, Datasets.augmentation(settings.dataset()), normalization, seed));
    return new EpochSource() {
      @Override
      public int batchesPerEpoch() {
        return loader.batchesPerEpoch();
      }

      @Override
      public CloseableIterator<HostBatch> epoch(int epoch, int skipBatches) {
        return adapt(loader.epoch(epoch, skipBatches));
      }
    };
  }

  /** The batches each epoch is evaluated on: the validation split when there is one, else the test split. */
  public EvalSource evalSource(int batchSize) {
    if (validation == null) {
      return testSource(batchSize);
    }
    BatchLoader loader = new BatchLoader(validation, LoaderOptions.evaluation(batchSize, normalization));
    return new EvalSource() {
      @Override
      public CloseableIterator<HostBatch> batches() {
        return adapt(loader.batches());
      }

      @Override
      public boolean validation() {
        return true;
      }
    };
  }

  /** Test batches in order, without augmentation. */
  public EvalSource testSource(int batchSize) {
    BatchLoader loader = new BatchLoader(test, LoaderOptions.evaluation(batchSize, normalization));
    return () -> adapt(loader.batches());
  }

  private static CloseableIterator<HostBatch> adapt(BatchIterator it) {
    return new CloseableIterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public HostBatch next() {
        return it.next();
      }

      @Override
      public void close() {
        it.close();
      }
    };
  }
}
