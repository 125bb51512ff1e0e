package io.deepreshape.train.optim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.deepreshape.error.UserInputException;
import java.util.Locale;

/** Learning-rate decay after warm-up: cosine to zero, or step decay at epoch milestones. */
public enum ScheduleKind {
  COSINE,
  STEP;

  /** Lower-case name used in JSON and on the command line. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code cosine} or {@code step} (case-insensitive). */
  @JsonCreator
  public static ScheduleKind parse(String text) {
    for (ScheduleKind kind : values()) {
      if (kind.id().equalsIgnoreCase(text)) {
        return kind;
      }
    }
    throw new UserInputException("schedule must be cosine or step, got " + text);
  }
}
