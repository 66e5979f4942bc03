package dev.stepwise.processor.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Durations as written in {@code @Retry}, {@code @After(delay)} and timeouts. */
class DurationsTest {

  @Test
  void durations_acceptEveryUnit_andRejectSpacesSignsAndMissingUnits() {
    assertEquals(OptionalLong.of(250), Durations.parseMillis("250ms"));
    assertEquals(OptionalLong.of(5_000), Durations.parseMillis("5s"));
    assertEquals(OptionalLong.of(120_000), Durations.parseMillis("2m"));
    assertEquals(OptionalLong.of(3_600_000), Durations.parseMillis("1h"));
    assertEquals(OptionalLong.of(86_400_000), Durations.parseMillis("1d"));
    assertTrue(Durations.parseMillis("5 sec").isEmpty());
    assertTrue(Durations.parseMillis("-5s").isEmpty());
    assertTrue(Durations.parseMillis("5").isEmpty());
    assertTrue(Durations.parseMillis("1.5s").isEmpty());
  }

  @Test
  void durations_saturateInsteadOfOverflowing() {
    assertEquals(OptionalLong.of(Long.MAX_VALUE), Durations.parseMillis("999999999999999999d"));
  }
}
