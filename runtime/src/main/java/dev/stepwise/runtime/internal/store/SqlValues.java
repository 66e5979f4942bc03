package dev.stepwise.runtime.internal.store;

import dev.stepwise.runtime.StepError;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Conversions between the engine's values and the columns that store them. */
public final class SqlValues {
  private SqlValues() {}

  public static OffsetDateTime odt(Instant i) {
    return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  static StepError error(String type, String message, String stack) {
    return type == null ? null : new StepError(type, message, stack);
  }
}
