package io.deepreshape.cli.pipeline;

import io.deepreshape.error.UserInputException;
import java.util.HashSet;
import java.util.List;

/**
 * A pipeline file. {@code data} may be null: Fashion-MNIST then reads the Debian package's folder, and
 * the synthetic set is generated into the output folder with {@code synthTrain}/{@code synthTest} images.
 * {@code criticalityEpochs} of 0 uses the default order instead of measuring it.
 *
 * <p>The protocol is fair by construction: every final network trains {@code epochs} epochs counted from
 * random initialisation. Input networks (the baseline and HybReNets with all their ReLUs) train
 * {@code epochs - finetuneEpochs}, and each ReLU optimization spends the remaining {@code finetuneEpochs}
 * on them; HybReNets with the design's stage plan and the teacher train all {@code epochs} from scratch.
 * {@code validation} training images are held out and decide every choice; each of {@code seeds} repeats
 * all training.
 *
 * @param methods the ReLU optimizations applied to every input network: deepreduce, snl, reuse (the
 *     HybReNet stage plan of the design step always runs)
 * @param inputs the input networks: {@code baseline}, {@code hybrenet} (the family member of the HybReNet
 *     chosen at each budget) and family members by name ({@code hybrenet-m8-f6x3x1})
 * @param topK how many design candidates (of distinct widths first) train per budget; the most accurate
 *     on validation is kept
 * @param latency {@code measured} (the engine runs every final network once) or {@code estimated}
 */
public record PipelineConfig(
    String name,
    String dataset,
    String data,
    int synthTrain,
    int synthTest,
    int trainSubset,
    int testSubset,
    int validation,
    String baseline,
    int criticalityEpochs,
    List<Long> budgets,
    List<String> methods,
    List<String> inputs,
    List<Integer> hybrenetWidths,
    int fMax,
    int topK,
    int epochs,
    int finetuneEpochs,
    int batchSize,
    double lr,
    double finetuneLr,
    List<Long> seeds,
    String profile,
    String network,
    String latency) {

  public static final List<String> METHODS = List.of("deepreduce", "snl", "reuse");
  public static final List<String> LATENCY = List.of("measured", "estimated");

  public PipelineConfig {
    budgets = List.copyOf(budgets);
    methods = List.copyOf(methods);
    inputs = List.copyOf(inputs);
    hybrenetWidths = List.copyOf(hybrenetWidths);
    seeds = List.copyOf(seeds);
    check(name != null && name.matches("[A-Za-z0-9._-]+"), "name", "letters, digits, '.', '_' or '-'", name);
    check(!budgets.isEmpty() && budgets.stream().allMatch(b -> b > 0), "budgets", "a non-empty list of ReLU counts > 0",
        budgets);
    check(new HashSet<>(budgets).size() == budgets.size(), "budgets", "distinct", budgets);
    for (String m : methods) {
      check(METHODS.contains(m), "methods", "a list of " + String.join(", ", METHODS), m);
    }
    check(new HashSet<>(methods).size() == methods.size(), "methods", "distinct", methods);
    check(!inputs.isEmpty() && new HashSet<>(inputs).size() == inputs.size(), "inputs",
        "a non-empty list of distinct input networks", inputs);
    for (String in : inputs) {
      check(in.equals("baseline") || in.equals("hybrenet") || in.matches("hybrenet-m\\d+-f[0-9x]+"), "inputs",
          "baseline, hybrenet or a HybReNet family member's name (hybrenet-m<m>-f<factors>)", in);
    }
    check(!hybrenetWidths.isEmpty() && hybrenetWidths.stream().allMatch(w -> w >= 1), "hybrenet.widths",
        "a non-empty list of base widths >= 1", hybrenetWidths);
    check(fMax >= 1, "hybrenet.f_max", ">= 1", fMax);
    check(topK >= 1, "hybrenet.top_k", ">= 1", topK);
    check(epochs >= 2, "train.epochs", ">= 2 (input networks train epochs - finetune.epochs of them)", epochs);
    check(finetuneEpochs >= 1 && finetuneEpochs < epochs, "finetune.epochs",
        ">= 1 and < train.epochs (" + epochs + "): every network trains train.epochs in all", finetuneEpochs);
    check(!methods.contains("snl") || finetuneEpochs >= 2, "finetune.epochs",
        ">= 2 with snl (its mask search and fine-tuning share them)", finetuneEpochs);
    check(batchSize >= 1, "train.batch_size", ">= 1", batchSize);
    check(lr > 0, "train.lr", "> 0", lr);
    check(finetuneLr > 0, "finetune.lr", "> 0", finetuneLr);
    check(criticalityEpochs >= 0, "criticality.epochs", ">= 0 (0 = use the default order)", criticalityEpochs);
    check(synthTrain >= 1 && synthTest >= 1, "synthetic", "train and test counts >= 1", synthTrain + "/" + synthTest);
    check(trainSubset >= 0 && testSubset >= 0, "subset", "sizes >= 0 (0 = all)", trainSubset + "/" + testSubset);
    check(validation >= 1, "validation", ">= 1 training images held out for the pipeline's choices", validation);
    check(trainSubset == 0 || validation < trainSubset, "validation",
        "fewer than subset.train (" + trainSubset + ")", validation);
    check(!seeds.isEmpty() && new HashSet<>(seeds).size() == seeds.size(), "seeds", "a non-empty list of distinct seeds",
        seeds);
    check(LATENCY.contains(latency), "latency", "one of " + String.join(", ", LATENCY), latency);
  }

  /** The seed every choice is made with (criticality, the design's candidates) and the data split's seed. */
  public long firstSeed() {
    return seeds.get(0);
  }

  /** Epochs of an input network, before its ReLU optimization's fine-tuning. */
  public int inputEpochs() {
    return epochs - finetuneEpochs;
  }

  /** The default validation split: 5,000 images of the full training sets, a tenth of a smaller one. */
  public static int defaultValidation(String dataset, int trainSubset, int synthTrain) {
    if (dataset.equals("synthetic")) {
      return Math.max(1, (trainSubset > 0 ? Math.min(trainSubset, synthTrain) : synthTrain) / 10);
    }
    if (trainSubset > 0) {
      return Math.max(1, trainSubset / 10);
    }
    return dataset.equals("tinyimagenet") ? 10_000 : 5_000;
  }

  private static void check(boolean ok, String field, String expected, Object actual) {
    if (!ok) {
      throw new UserInputException("pipeline field " + field + " must be " + expected + ", was " + actual);
    }
  }
}
