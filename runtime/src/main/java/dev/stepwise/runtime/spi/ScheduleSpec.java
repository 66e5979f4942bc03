package dev.stepwise.runtime.spi;

import java.time.Duration;

/**
 * A cron schedule of a workflow ({@code @Schedule}), as generated code declares it. The processor
 * checked the expression and the zone at compile time.
 *
 * @param name unique in the application
 * @param cron five fields (minute first) or six (seconds first)
 * @param zone a {@code java.time.ZoneId}
 * @param catchUp true: start missed ticks (at most {@code catchUpLimit}); false: skip them
 * @param catchUpLimit the most missed ticks started after a downtime
 * @param tolerance how late a tick may start and still count as on time
 */
public record ScheduleSpec(
    String name, String cron, String zone, boolean catchUp, int catchUpLimit, Duration tolerance) {

  public ScheduleSpec {
    if (name == null || name.isEmpty() || cron == null || zone == null || tolerance == null) {
      throw new IllegalArgumentException("A schedule needs a name, a cron, a zone and a tolerance");
    }
    if (catchUpLimit < 0 || tolerance.isNegative()) {
      throw new IllegalArgumentException(
          "Schedule \"" + name + "\": catchUp and tolerance must not be negative");
    }
  }
}
