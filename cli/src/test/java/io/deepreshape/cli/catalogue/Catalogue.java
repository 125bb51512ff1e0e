package io.deepreshape.cli.catalogue;

import java.util.List;

/** The bad inputs, by command. {@code @} is the fixtures' folder. */
final class Catalogue {
  private static final int USER = 2;

  private Catalogue() {}

  static List<BadInput> cases() {
    return List.of(
        // spec files, through analyze
        c("2e9-pixel input", "input.height must be between 1 and 4096, was 44722", "analyze", "--spec", "@/huge.yaml"),
        c("width over the limit", "stages[0].width must be between 1 and 1048576", "analyze", "--spec", "@/wide.yaml"),
        c("network over the size bound", "stages[1] is the largest part", "analyze", "--spec", "@/toobig.yaml"),
        c("too many blocks", "the number of blocks", "analyze", "--spec", "@/blocks.yaml"),
        c("feature map over the limit", "stages[0].width is too large for its 64x64", "analyze", "--spec",
            "@/map.yaml"),
        c("duplicate spec key", "Duplicate field 'base_width'", "analyze", "--spec", "@/dup.yaml"),
        c("two spec documents", "more than one YAML document", "analyze", "--spec", "@/multi.yaml"),
        c("spec not YAML", "garbage.yaml: not valid YAML", "analyze", "--spec", "@/garbage.yaml"),
        c("unknown spec field", "unknown field 'colour'", "analyze", "--spec", "@/unknown.yaml"),
        c("one class", "input.classes must be between 2 and 100000, was 1", "analyze", "--spec", "@/classes.yaml"),
        c("stem of no channels", "stem.channels must be between 1 and 1048576, was 0", "analyze", "--spec",
            "@/stem.yaml"),
        c("ReLU address of no layer", "relu.s9.b1.r1", "analyze", "--spec", "@/relu.yaml"),
        c("missing spec file", "nothere.yaml does not exist", "analyze", "--spec", "@/nothere.yaml"),
        c("unknown preset", "nosuchnet", "analyze", "--preset", "nosuchnet"),
        c("unknown dataset", "nosuchdata", "analyze", "--preset", "resnet18", "--dataset", "nosuchdata"),
        c("unknown profile", "unknown profile 'nosuch'", "analyze", "--preset", "resnet18", "--profile", "nosuch"),
        c("profile with a duplicate key", "Duplicate field 'name'", "analyze", "--preset", "resnet18", "--profile",
            "@/profile-dup.yaml"),
        c("profile of two documents", "more than one YAML document", "analyze", "--preset", "resnet18",
            "--profile", "@/profile-multi.yaml"),
        c("unknown network setting", "unknown network 'mars'", "analyze", "--preset", "resnet18", "--network",
            "mars"),
        c("unknown option", "--bogus", "analyze", "--preset", "resnet18", "--bogus"),
        c("unknown command", "frobnicate", "frobnicate"),
        // throughput
        c("negative seconds", "--seconds must be a number > 0, was -1.0", "throughput", "accounting", "--seconds",
            "-1"),
        c("seconds not a number", "--seconds", "throughput", "accounting", "--seconds", "soon"),
        c("throughput without a subcommand", "a subcommand is required: accounting or train", "throughput"),
        // dataset
        c("synth over a user's dataset", "data_batch_1.bin, which this command would replace", "dataset", "synth",
            "--out", "@/cifar"),
        c("synth into a file", "afile.txt is a file", "dataset", "synth", "--out", "@/afile.txt"),
        c("synth of one class", "classes must be in 2..256", "dataset", "synth", "--classes", "1", "--out",
            "@/newsynth"),
        c("synth of 4-pixel images", "size must be in 8..512", "dataset", "synth", "--size", "4", "--out",
            "@/newsynth"),
        c("dataset without a subcommand", "a subcommand is required: synth or info", "dataset"),
        c("info of an unknown dataset", "nosuchdata", "dataset", "info", "--dataset", "nosuchdata"),
        c("info of a folder without the files", "notrun", "dataset", "info", "--dataset", "cifar10", "--data",
            "@/notrun"),
        // train
        c("train --out a file", "--out " + "@/afile.txt is a file", "train", "--spec", "@/tiny.yaml", "--dataset",
            "synthetic", "--out", "@/afile.txt"),
        c("train --out that cannot be created", "cannot create the run directory", "train", "--spec",
            "@/tiny.yaml", "--dataset", "synthetic", "--data", "@/synth", "--out", "@/afile.txt/run"),
        c("train over another's files", "occupied already holds final.params", "train", "--spec", "@/tiny.yaml",
            "--dataset", "synthetic", "--data", "@/synth", "--out", "@/occupied"),
        c("resume with another batch size", "batch_size: 32 -> 16", train("@/run", "--batch-size", "16")),
        c("resume with more epochs", "epochs: 1 -> 3", train("@/run", "--epochs", "3")),
        c("resume with another lr", "lr: 0.1 -> 0.5", train("@/run", "--lr", "0.5")),
        c("resume an empty checkpoint", "is truncated (0 bytes); rerun with --restart",
            train("@/run-empty-checkpoint")),
        c("resume a corrupt checkpoint", "is corrupt (checksum mismatch); rerun with --restart",
            train("@/run-corrupt-checkpoint")),
        c("resume as another network", "holds a run of another network (tiny)", "train", "--spec", "@/other.yaml",
            "--dataset", "synthetic", "--data", "@/synth", "--epochs", "1", "--batch-size", "32", "--out", "@/run"),
        c("resume without a checkpoint", "notrun has no checkpoint to resume", "train", "--spec", "@/tiny.yaml",
            "--dataset", "synthetic", "--resume", "--out", "@/notrun"),
        c("zero epochs", "epochs must be >= 1, got 0", "train", "--spec", "@/tiny.yaml", "--dataset", "synthetic",
            "--data", "@/synth", "--epochs", "0", "--out", "@/newrun"),
        c("zero batch size", "batch_size must be >= 1, got 0", "train", "--spec", "@/tiny.yaml", "--dataset",
            "synthetic", "--data", "@/synth", "--batch-size", "0", "--out", "@/newrun"),
        c("train an absurd spec", "input.height", "train", "--spec", "@/huge.yaml", "--dataset", "synthetic",
            "--out", "@/newrun"),
        c("train a network too large for memory", "needs at least", "train", "--spec", "@/heavy.yaml",
            "--dataset", "synthetic", "--data", "@/synth", "--out", "@/newrun"),
        c("teacher that is no run", "notrun is not a run directory", "train", "--spec", "@/tiny.yaml", "--dataset",
            "synthetic", "--data", "@/synth", "--teacher", "@/notrun", "--out", "@/newrun"),
        // eval
        c("eval a truncated final.params", "final.params is truncated, corrupt or of another network",
            "eval", "--run", "@/run-truncated"),
        c("eval a run whose spec was swapped", "spec.yaml is not the network this run trained", "eval", "--run",
            "@/run-swapped"),
        c("eval an old run whose spec was swapped", "final.params holds the parameters of another network",
            "eval", "--run", "@/run-old-swapped"),
        c("eval a folder that is no run", "notrun is not a run directory: spec.yaml is missing", "eval", "--run",
            "@/notrun"),
        c("eval an unfinished run", "run-unfinished has no final parameters", "eval", "--run", "@/run-unfinished"),
        c("eval a spec with a duplicate key", "Duplicate field 'name'", "eval", "--run", "@/run-dupkey"),
        c("eval an unknown profile", "unknown profile 'nosuch'", "eval", "--run", "@/run", "--profile", "nosuch"),
        // optimize
        c("optimize into its teacher", "is the teacher run", "optimize", "--run", "@/run", "--method", "reuse",
            "--relus", "100", "--out", "@/run"),
        c("optimize into another run", "holds a run of tiny that is not a result of optimize", "optimize", "--run",
            "@/run", "--method", "reuse", "--relus", "100", "--out", "@/run-unfinished"),
        c("optimize into another's files", "already holds final.params", "optimize", "--run", "@/run", "--method",
            "reuse", "--relus", "100", "--out", "@/occupied"),
        c("optimize by an unknown method", "method must be deepreduce, reuse or snl, was 'magic'", "optimize",
            "--run", "@/run", "--method", "magic", "--relus", "100", "--out", "@/newopt"),
        c("optimize a teacher that is no run", "notrun is not a run directory", "optimize", "--run", "@/notrun",
            "--method", "reuse", "--relus", "100", "--out", "@/newopt"),
        c("optimize a swapped teacher", "spec.yaml is not the network this run trained", "optimize", "--run",
            "@/run-swapped", "--method", "reuse", "--relus", "100", "--out", "@/newopt"),
        // design family
        c("scale over its own earlier output", "which this command would replace; choose another folder or add"
            + " --force", "scale", "--preset", "resnet18", "--method", "basech", "--values", "16,32", "--out",
            "@/scaled"),
        c("scale by an unknown method", "nosuchmethod", "scale", "--preset", "resnet18", "--method",
            "nosuchmethod", "--values", "1"),
        c("equalize over an existing file", "existing.yaml already exists", "equalize", "--preset", "resnet18",
            "--out", "@/existing.yaml"),
        c("equalize an absurd spec", "input.height", "equalize", "--spec", "@/huge.yaml"),
        // criticality show FILE
        c("criticality of a missing file", "criticality file " + "@/nothere.json does not exist", "criticality",
            "show", "@/nothere.json"),
        c("criticality not JSON", "crit-garbage.json: criticality file is not valid JSON", "criticality", "show",
            "@/crit-garbage.json"),
        c("criticality with a duplicate key", "Duplicate field 'linear_accuracy'", "criticality", "show",
            "@/crit-dup.json"),
        c("criticality that is a list", "must be a JSON object", "criticality", "show", "@/crit-list.json"),
        c("criticality of another format", "criticality format must be deepreshape-criticality/1, was other/9",
            "criticality", "show", "@/crit-format.json"),
        c("criticality stages not a list", "criticality stages must be a list", "criticality", "show",
            "@/crit-stages.json"),
        c("criticality stage without accuracy", "stages[].accuracy", "criticality", "show", "@/crit-noacc.json"),
        // pipelines
        c("pipeline missing", "pipeline file " + "@/nothere.yaml does not exist", "run", "--out", "@/pout",
            "@/nothere.yaml"),
        c("pipeline with a duplicate key", "Duplicate field 'name'", "run", "--out", "@/pout", "@/pdup.yaml"),
        c("pipeline of two documents", "more than one YAML document", "run", "--out", "@/pout", "@/pmulti.yaml"),
        c("pipeline with an unknown field", "unknown field 'speed'", "run", "--out", "@/pout", "@/punknown.yaml"),
        c("pipeline budgets not numbers", "budgets", "run", "--out", "@/pout", "@/pbad.yaml"),
        // pi
        c("pi measure negative rtt", "--rtt must be a number of milliseconds >= 0, was -5.0", "pi", "measure",
            "--preset", "resnet20", "--rtt", "-5"),
        c("pi measure negative bandwidth", "--bandwidth must be a number of Mbit/s >= 0", "pi", "measure", "--preset",
            "resnet20", "--bandwidth", "-1"),
        c("pi measure a truncated run", "final.params is truncated, corrupt or of another network", "pi", "measure",
            "--run", "@/run-truncated"),
        c("pi measure a swapped run", "spec.yaml is not the network this run trained", "pi", "measure", "--run",
            "@/run-swapped"),
        c("pi measure an old swapped run", "holds the parameters of another network", "pi", "measure", "--run",
            "@/run-old-swapped"),
        // options that exclude each other, and a required choice missing (picocli's argument groups)
        c("pi measure of a run and a preset", "--preset=NAME, --run=RUN_DIR are mutually exclusive (specify only one)",
            "pi", "measure", "--run", "@/run", "--preset", "resnet20"),
        c("pi measure of a spec and an ONNX model", "--spec=FILE, --onnx=FILE are mutually exclusive", "pi", "measure",
            "--spec", "@/tiny.yaml", "--onnx", "@/nothere.onnx"),
        c("pi serve of no network", "Missing required argument (specify one of these): (--preset=NAME | --spec=FILE"
            + " | --run=RUN_DIR | --onnx=FILE)", "pi", "serve", "--port", "0"),
        c("pi measure in process twice over", "--in-process, --same-jvm are mutually exclusive", "pi", "measure",
            "--preset", "resnet20", "--in-process", "--same-jvm"),
        c("pi infer insisting on a spec and an ONNX model", "--spec=FILE, --onnx=FILE are mutually exclusive", "pi",
            "infer", "--connect", "127.0.0.1:1", "--image", "@/img.png", "--spec", "@/tiny.yaml", "--onnx",
            "@/nothere.onnx"),
        c("pi prepare insisting on a spec and an ONNX model", "--spec=FILE, --onnx=FILE are mutually exclusive", "pi",
            "prepare", "--connect", "127.0.0.1:1", "--spec", "@/tiny.yaml", "--onnx", "@/nothere.onnx"),
        c("train of a preset and an ONNX model", "--preset=NAME, --onnx=FILE are mutually exclusive", "train",
            "--preset", "resnet20", "--onnx", "@/nothere.onnx", "--out", "@/newrun"),
        c("train of two presets", "--preset=NAME", "train", "--preset", "resnet20", "--preset", "resnet32", "--out",
            "@/newrun"),
        c("eval of a run and an ONNX model", "--run=RUN_DIR, --onnx=FILE are mutually exclusive", "eval", "--run",
            "@/run", "--onnx", "@/nothere.onnx"),
        c("export of a run and a spec", "--spec=FILE, --run=RUN_DIR are mutually exclusive", "export", "--run",
            "@/run", "--spec", "@/tiny.yaml", "--out", "@/new.onnx"),
        c("equalize of no network", "Missing required argument (specify one of these): (--preset=NAME | --spec=FILE)",
            "equalize"),
        c("scale of a preset and a spec", "--preset=NAME, --spec=FILE are mutually exclusive", "scale", "--preset",
            "resnet18", "--spec", "@/tiny.yaml", "--method", "basech", "--values", "16"),
        c("hybrenet from a preset and a spec", "--preset=NAME, --spec=FILE are mutually exclusive", "hybrenet",
            "--preset", "resnet18", "--spec", "@/tiny.yaml"),
        c("criticality measure of a preset and a spec", "--preset=NAME, --spec=FILE are mutually exclusive",
            "criticality", "measure", "--preset", "resnet18", "--spec", "@/tiny.yaml", "--out", "@/newcrit"),
        c("criticality measure of no network", "Missing required argument (specify one of these): (--preset=NAME"
            + " | --spec=FILE)", "criticality", "measure", "--out", "@/newcrit"),
        c("criticality measure without --out", "Missing required option: '--out=DIR'", "criticality", "measure",
            "--preset", "resnet18"),
        c("criticality without a subcommand", "a subcommand is required: show or measure", "criticality"),
        c("run --status with --cancel", "--status, --cancel are mutually exclusive", "run", "--out", "@/pout",
            "--status", "--cancel", "@/pdup.yaml"),
        c("pi calibrate over an existing profile", "existing.yaml already exists", "pi", "calibrate", "--out",
            "@/existing.yaml"));
  }

  private static String[] train(String run, String... extra) {
    String[] base = {"train", "--spec", "@/tiny.yaml", "--dataset", "synthetic", "--data", "@/synth", "--out", run};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  private static BadInput c(String name, String culprit, String... args) {
    return new BadInput(name, USER, culprit, args);
  }
}
