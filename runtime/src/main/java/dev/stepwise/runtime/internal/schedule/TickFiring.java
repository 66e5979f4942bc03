package dev.stepwise.runtime.internal.schedule;

import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.internal.model.ScheduleRow;
import dev.stepwise.runtime.internal.schedule.ScheduleBook.Declared;
import dev.stepwise.runtime.internal.store.ScheduleRows;
import dev.stepwise.runtime.internal.store.ScheduleRows.Advance;
import dev.stepwise.runtime.spi.WorkflowClient;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires one due schedule: under its row's lock, starts the runs of the ticks {@link TickPlan}
 * chose, then advances its next tick. The runs start before the advance commits, and a run id is
 * its tick's, so a crash in between starts nothing twice: the next firing finds those runs.
 */
final class TickFiring {
  private static final Logger log = LoggerFactory.getLogger(TickFiring.class);

  private final ScheduleRows rows;
  private final ScheduleBook book;

  TickFiring(ScheduleRows rows, ScheduleBook book) {
    this.rows = rows;
    this.book = book;
  }

  /** False if the schedule was not due any more, or another node is firing it. */
  boolean fire(Declared schedule, Instant now) {
    return rows.fireLocked(schedule.name(), now, row -> startDue(schedule, row, now));
  }

  private Advance startDue(Declared schedule, ScheduleRow row, Instant now) {
    TickPlan plan =
        TickPlan.of(
            ticksOf(schedule, row),
            row.nextTick(),
            now,
            schedule.spec().tolerance(),
            schedule.spec().catchUp(),
            schedule.spec().catchUpLimit());
    WorkflowClient client = book.client(schedule.workflow()).orElseThrow();
    Instant lastTick = row.lastTick();
    String lastRunId = row.lastRunId();
    Instant firstStarted = plan.toStart().isEmpty() ? null : plan.toStart().get(0);
    if (firstStarted == null || firstStarted.isAfter(row.nextTick())) {
      // Some ticks from the stored next one on were found later than the tolerance and are not
      // started (skipped, or beyond the catch-up limit): worth a line, it follows a downtime.
      log.info(
          "Schedule {}: missed ticks from {} to {} are not started (found more than {} late)",
          row.name(),
          row.nextTick(),
          firstStarted != null ? "before " + firstStarted : now.minus(schedule.spec().tolerance()),
          schedule.spec().tolerance());
    }
    for (Instant tick : plan.toStart()) {
      String runId = ScheduleBook.runId(row.name(), tick);
      client.start(tick, StartOptions.withRunId(runId));
      log.debug("Schedule {} started run {}", row.name(), runId);
      lastTick = tick;
      lastRunId = runId;
    }
    return new Advance(plan.nextTick(), lastTick, lastRunId);
  }

  /**
   * The stored expression is the one to follow: a node that started later with changed code rewrote
   * it, and until this node runs that code too it fires what the table says.
   */
  private static CronTicks ticksOf(Declared schedule, ScheduleRow row) {
    if (row.cron().equals(schedule.spec().cron()) && row.zone().equals(schedule.spec().zone())) {
      return schedule.ticks();
    }
    return CronTicks.parse(row.cron(), row.zone());
  }
}
