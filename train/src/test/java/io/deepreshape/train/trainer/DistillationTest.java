package io.deepreshape.train.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import io.deepreshape.train.checkpoint.RunDirectory;
import io.deepreshape.train.progress.ProgressLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistillationTest {
  @TempDir Path tmp;

  @Test
  void studentLearnsFromFrozenTeacher() throws Exception {
    Path teacherRun = tmp.resolve("teacher");
    TrainerTest.trainer(TrainerTest.TRAIN).build().start(teacherRun, TrainerTest.config(3));
    byte[] teacherParams = Files.readAllBytes(teacherRun.resolve(RunDirectory.FINAL_PARAMS));

    TinyCnn studentModel = new TinyCnn(1, 8, QuadrantData.CLASSES, 4);
    try (Teacher teacher = Teacher.fromRun(TrainerTest.MODEL, teacherRun, Device.cpu())) {
      List<float[]> before = snapshot(teacher);
      assertThat(teacher.model().trainableArrays()).isEmpty();
      TrainResult r = Trainer.builder(studentModel, TrainerTest.TRAIN)
          .evalSource(TrainerTest.TEST).teacher(teacher).shutdownHook(false)
          .device(Device.cpu()).progress(System.err, ProgressLine.Mode.OFF).build()
          .start(tmp.resolve("student"), TrainerTest.config(3).toBuilder().kdTemperature(4)
              .kdWeight(0.9).build());
      assertThat(r.metrics()).hasSize(3);
      assertThat(r.metrics().get(2).testTop1()).isGreaterThan(0.6);
      List<float[]> after = snapshot(teacher);
      for (int i = 0; i < before.size(); i++) {
        assertThat(after.get(i)).containsExactly(before.get(i));
      }
    }
    assertThat(Files.readAllBytes(teacherRun.resolve(RunDirectory.FINAL_PARAMS)))
        .isEqualTo(teacherParams);
  }

  private static List<float[]> snapshot(Teacher teacher) {
    List<float[]> values = new ArrayList<>();
    teacher.model().block().getParameters()
        .forEach(p -> values.add(p.getValue().getArray().toFloatArray()));
    return values;
  }
}
