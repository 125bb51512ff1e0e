package io.deepreshape.cli.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepreshape.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files the catalogue's commands read: specs, pipelines, criticality files, a dataset and runs. */
final class Fixtures {
  static final String INPUT = "input: {channels: 3, height: 32, width: 32, classes: 10}\n"
      + "stem: {type: cifar, channels: 4}\nblock: basic\n";
  static final String TINY = "name: tiny\ndataset: synthetic\nbase_width: 4\nphi: [1]\nfactors: []\n";
  static final String OTHER = "name: other\ndataset: synthetic\nbase_width: 8\nphi: [1]\nfactors: []\n";

  private Fixtures() {}

  static void write(Path dir) throws IOException {
    specs(dir);
    inputs(dir);
    ok(CliRun.of("dataset", "synth", "--train", "64", "--test", "32", "--out", dir.resolve("synth").toString()));
    ok(CliRun.of("train", "--spec", dir.resolve("tiny.yaml").toString(), "--dataset", "synthetic", "--data",
        dir.resolve("synth").toString(), "--epochs", "1", "--batch-size", "32", "--max-steps-per-epoch", "1",
        "--out", dir.resolve("run").toString(), "--quiet"));
    ok(CliRun.of("scale", "--preset", "resnet18", "--method", "basech", "--values", "16,32",
        "--out", dir.resolve("scaled").toString()));
    brokenRuns(dir);
    Files.createDirectories(dir.resolve("notrun"));
    Files.writeString(dir.resolve("notrun/readme.txt"), "not a run\n");
    Files.createDirectories(dir.resolve("occupied"));
    Files.writeString(dir.resolve("occupied/final.params"), "someone else's\n");
    Files.createDirectories(dir.resolve("cifar"));
    Files.writeString(dir.resolve("cifar/data_batch_1.bin"), "a user's data\n");
    Files.writeString(dir.resolve("afile.txt"), "a file\n");
    Files.writeString(dir.resolve("existing.yaml"), "kept: true\n");
  }

  private static void specs(Path dir) throws IOException {
    Files.writeString(dir.resolve("tiny.yaml"), TINY);
    Files.writeString(dir.resolve("other.yaml"), OTHER);
    Files.writeString(dir.resolve("huge.yaml"), "name: huge\ninput: {channels: 3, height: 44722, width: 44722, "
        + "classes: 10}\nstem: {type: cifar, channels: 4}\nstages: [{phi: 1, width: 4}]\n");
    Files.writeString(dir.resolve("wide.yaml"), "name: wide\n" + INPUT + "stages: [{phi: 1, width: 2000000}]\n");
    Files.writeString(dir.resolve("toobig.yaml"), "name: big\ninput: {channels: 3, height: 64, width: 64, classes: 10}"
        + "\nstem: {type: cifar, channels: 4}\nstages: [{phi: 2, width: 16}, {phi: 64, width: 1048576}]\n");
    Files.writeString(dir.resolve("blocks.yaml"), "name: deep\n" + INPUT + "stages: [{phi: 1000, width: 4}, "
        + "{phi: 1000, width: 4}]\n");
    Files.writeString(dir.resolve("map.yaml"), "name: map\ninput: {channels: 3, height: 64, width: 64, classes: 10}\n"
        + "stem: {type: cifar, channels: 4}\nstages: [{phi: 1, width: 1048576}]\n");
    Files.writeString(dir.resolve("heavy.yaml"), "name: heavy\n" + INPUT + "stages: [{phi: 4, width: 65536}]\n");
    Files.writeString(dir.resolve("dup.yaml"), TINY + "base_width: 8\n");
    Files.writeString(dir.resolve("multi.yaml"), TINY + "---\n" + OTHER);
    Files.writeString(dir.resolve("garbage.yaml"), "name: [unclosed\n");
    Files.writeString(dir.resolve("unknown.yaml"), TINY + "colour: blue\n");
    Files.writeString(dir.resolve("classes.yaml"), "name: c\ninput: {channels: 3, height: 32, width: 32, classes: 1}"
        + "\nstem: {type: cifar, channels: 4}\nstages: [{phi: 1, width: 4}]\n");
    Files.writeString(dir.resolve("stem.yaml"), "name: s\ninput: {channels: 3, height: 32, width: 32, classes: 10}"
        + "\nstem: {type: cifar, channels: 0}\nstages: [{phi: 1, width: 4}]\n");
    Files.writeString(dir.resolve("relu.yaml"), TINY + "relu: {s9.b1.r1: identity}\n");
  }

  private static void inputs(Path dir) throws IOException {
    String pipeline = "name: p\ndataset: synthetic\nbudgets: [1000]\n";
    Files.writeString(dir.resolve("pdup.yaml"), pipeline + "name: q\n");
    Files.writeString(dir.resolve("pmulti.yaml"), pipeline + "---\n" + pipeline);
    Files.writeString(dir.resolve("punknown.yaml"), pipeline + "speed: fast\n");
    Files.writeString(dir.resolve("pbad.yaml"), "name: p\ndataset: synthetic\nbudgets: [a, b]\n");
    Files.writeString(dir.resolve("crit-garbage.json"), "{\"stages\": [");
    Files.writeString(dir.resolve("crit-dup.json"), "{\"linear_accuracy\": 1, \"linear_accuracy\": 2, \"stages\": []}");
    Files.writeString(dir.resolve("crit-list.json"), "[1, 2, 3]");
    Files.writeString(dir.resolve("crit-format.json"), "{\"format\": \"other/9\", \"stages\": []}");
    Files.writeString(dir.resolve("crit-stages.json"), "{\"linear_accuracy\": 10, \"stages\": 5}");
    Files.writeString(dir.resolve("crit-noacc.json"), "{\"linear_accuracy\": 10, \"stages\": [{\"stage\": 1}]}");
    Files.writeString(dir.resolve("profile-dup.yaml"), "name: p\nname: q\n");
    Files.writeString(dir.resolve("profile-multi.yaml"), "name: p\n---\nname: q\n");
  }

  private static void brokenRuns(Path dir) throws IOException {
    Path run = dir.resolve("run");
    Path truncated = variant(dir, "run-truncated");
    byte[] params = Files.readAllBytes(truncated.resolve("final.params"));
    Files.write(truncated.resolve("final.params"), java.util.Arrays.copyOf(params, params.length / 2));
    Files.write(variant(dir, "run-empty-checkpoint").resolve("checkpoint.bin"), new byte[0]);
    Path corrupt = variant(dir, "run-corrupt-checkpoint").resolve("checkpoint.bin");
    byte[] ck = Files.readAllBytes(corrupt);
    ck[ck.length / 2] ^= 0x5a;
    Files.write(corrupt, ck);
    Files.writeString(variant(dir, "run-swapped").resolve("spec.yaml"), OTHER);
    Path old = variant(dir, "run-old-swapped");
    Files.writeString(old.resolve("spec.yaml"), OTHER);
    Files.delete(old.resolve("spec.sha256"));
    Files.delete(variant(dir, "run-unfinished").resolve("final.params"));
    Files.writeString(variant(dir, "run-dupkey").resolve("spec.yaml"), TINY + "name: again\n");
    assertThat(run.resolve("spec.sha256")).exists();
  }

  private static Path variant(Path dir, String name) throws IOException {
    Path v = dir.resolve(name);
    BadInputCatalogueTest.copy(dir.resolve("run"), v);
    return v;
  }

  private static void ok(CliRun r) {
    assertThat(r.exitCode()).as(r.err()).isZero();
  }
}
