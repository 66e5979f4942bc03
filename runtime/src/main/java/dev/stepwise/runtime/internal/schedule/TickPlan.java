package dev.stepwise.runtime.internal.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Which ticks of a due schedule to start now, and its next tick: a pure decision. A tick more than
 * {@code tolerance} before now was missed; on-time ticks always start, missed ones only with
 * catch-up, and then only the most recent {@code catchUpLimit}.
 *
 * @param toStart the ticks to start, oldest first
 * @param nextTick the first tick after now; null if the expression never fires again
 */
record TickPlan(List<Instant> toStart, Instant nextTick) {

  /**
   * The most on-time ticks one round starts: an every-second cron with a tolerance of an hour would
   * otherwise start thousands of runs in one transaction after a short outage.
   */
  static final int MAX_ON_TIME = 1000;

  /**
   * @param first the schedule's first tick not started yet (its stored next tick)
   */
  static TickPlan of(
      CronTicks ticks,
      Instant first,
      Instant now,
      Duration tolerance,
      boolean catchUp,
      int catchUpLimit) {
    Instant cutoff = now.minus(tolerance);
    List<Instant> toStart = new ArrayList<>();
    if (catchUp && catchUpLimit > 0 && first.isBefore(cutoff)) {
      toStart.addAll(recentMissed(ticks, first, cutoff, catchUpLimit));
    }
    // Walked forwards from the first tick that is still on time, never from the stored one: after
    // a long downtime there may be millions of missed ticks in between.
    Optional<Instant> tick =
        first.isBefore(cutoff) ? ticks.nextAfter(cutoff.minusNanos(1)) : Optional.of(first);
    while (tick.isPresent() && !tick.get().isAfter(now) && toStart.size() < MAX_ON_TIME) {
      toStart.add(tick.get());
      tick = ticks.nextAfter(tick.get());
    }
    return new TickPlan(List.copyOf(toStart), ticks.nextAfter(now).orElse(null));
  }

  /** At most {@code limit} ticks in [first, cutoff), the latest ones, oldest first. */
  private static Deque<Instant> recentMissed(
      CronTicks ticks, Instant first, Instant cutoff, int limit) {
    // Walked backwards from the cutoff, so only the ticks that start are computed.
    Deque<Instant> missed = new ArrayDeque<>();
    Optional<Instant> tick = ticks.previousBefore(cutoff);
    while (tick.isPresent() && !tick.get().isBefore(first) && missed.size() < limit) {
      missed.addFirst(tick.get());
      tick = ticks.previousBefore(tick.get());
    }
    return missed;
  }
}
