package io.deepreshape.cli.pipeline;

import io.deepreshape.error.UserInputException;

import java.util.List;

/**
 * A pipeline file. {@code data} may be null: Fashion-MNIST then reads the Debian package's folder, and
 * the synthetic set is generated into the output folder with {@code synthTrain}/{@code synthTest} images.
 * {@code criticalityEpochs} of 0 uses the default order instead of measuring it.
 */
public record PipelineConfig(
    String name,
    String dataset,
    String data,
    int synthTrain,
    int synthTest,
    int trainSubset,
    int testSubset,
    String baseline,
    int criticalityEpochs,
    List<Long> budgets,
    List<String> methods,
    List<Integer> hybrenetWidths,
    int fMax,
    int epochs,
    int finetuneEpochs,
    int batchSize,
    double lr,
    double finetuneLr,
    long seed,
    String profile,
    String network) {

  public static final List<String> METHODS = List.of("deepreduce", "snl", "reuse");

  public PipelineConfig {
    budgets = List.copyOf(budgets);
    methods = List.copyOf(methods);
    hybrenetWidths = List.copyOf(hybrenetWidths);
    check(name != null && name.matches("[A-Za-z0-9._-]+"), "name", "letters, digits, '.', '_' or '-'", name);
    check(!budgets.isEmpty() && budgets.stream().allMatch(b -> b > 0), "budgets", "a non-empty list of ReLU counts > 0",
        budgets);
    for (String m : methods) {
      check(METHODS.contains(m), "methods", "a list of " + String.join(", ", METHODS), m);
    }
    check(!hybrenetWidths.isEmpty() && hybrenetWidths.stream().allMatch(w -> w >= 1), "hybrenet.widths",
        "a non-empty list of base widths >= 1", hybrenetWidths);
    check(fMax >= 1, "hybrenet.f_max", ">= 1", fMax);
    check(epochs >= 1, "train.epochs", ">= 1", epochs);
    check(finetuneEpochs >= 1, "finetune.epochs", ">= 1", finetuneEpochs);
    check(batchSize >= 1, "train.batch_size", ">= 1", batchSize);
    check(lr > 0, "train.lr", "> 0", lr);
    check(finetuneLr > 0, "finetune.lr", "> 0", finetuneLr);
    check(criticalityEpochs >= 0, "criticality.epochs", ">= 0 (0 = use the default order)", criticalityEpochs);
    check(synthTrain >= 1 && synthTest >= 1, "synthetic", "train and test counts >= 1", synthTrain + "/" + synthTest);
    check(trainSubset >= 0 && testSubset >= 0, "subset", "sizes >= 0 (0 = all)", trainSubset + "/" + testSubset);
  }

  private static void check(boolean ok, String field, String expected, Object actual) {
    if (!ok) {
      throw new UserInputException("pipeline field " + field + " must be " + expected + ", was " + actual);
    }
  }
}
