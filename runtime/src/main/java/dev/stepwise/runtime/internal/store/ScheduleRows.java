package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_SCHEDULES;
import static dev.stepwise.runtime.internal.store.SqlValues.instant;
import static dev.stepwise.runtime.internal.store.SqlValues.odt;

import dev.stepwise.runtime.internal.db.tables.records.SwSchedulesRecord;
import dev.stepwise.runtime.internal.model.ScheduleRow;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

/**
 * The SQL of cron schedules ({@code sw_schedules}, one row per schedule name). Firing a tick locks
 * the row with {@code FOR UPDATE SKIP LOCKED}, so of several nodes exactly one fires it and the
 * others skip it rather than wait.
 */
public final class ScheduleRows {
  private final DSLContext dsl;
  // The engine's clock: the time a row was last changed is a stored time like any other.
  private final Clock clock;

  public ScheduleRows(DSLContext dsl, Clock clock) {
    this.clock = clock;
    this.dsl = dsl;
  }

  /** What a firing wrote: the schedule's next tick, and the last tick it started and its run. */
  public record Advance(Instant nextTick, Instant lastTick, String lastRunId) {}

  /** Deletes the schedule's row. */
  public void delete(String name) {
    dsl.deleteFrom(SW_SCHEDULES).where(SW_SCHEDULES.NAME.eq(name)).execute();
  }

  public Optional<ScheduleRow> find(String name) {
    return dsl.selectFrom(SW_SCHEDULES)
        .where(SW_SCHEDULES.NAME.eq(name))
        .fetchOptional(ScheduleRows::row);
  }

  /** Every schedule, of every node's workflows, by name. */
  public List<ScheduleRow> all() {
    return dsl.selectFrom(SW_SCHEDULES).orderBy(SW_SCHEDULES.NAME).fetch(ScheduleRows::row);
  }

  /**
   * Stores a schedule as declared: inserted with {@code nextTick} if absent; if its workflow, cron
   * or zone changed, those are updated and its next tick becomes {@code nextTick} (null while
   * paused). Paused stays as it is. Returns true if the row was written.
   */
  public boolean declare(String name, String workflow, String cron, String zone, Instant nextTick) {
    if (find(name).isEmpty() && insert(name, workflow, cron, zone, nextTick)) {
      return true;
    }
    OffsetDateTime now = odt(clock.instant());
    int n =
        dsl.update(SW_SCHEDULES)
            .set(SW_SCHEDULES.WORKFLOW, workflow)
            .set(SW_SCHEDULES.CRON, cron)
            .set(SW_SCHEDULES.ZONE, zone)
            .set(
                SW_SCHEDULES.NEXT_TICK,
                DSL.when(SW_SCHEDULES.PAUSED.isTrue(), DSL.inline((OffsetDateTime) null))
                    .otherwise(odt(nextTick)))
            .set(SW_SCHEDULES.UPDATED_AT, now)
            .where(SW_SCHEDULES.NAME.eq(name))
            .and(
                SW_SCHEDULES
                    .WORKFLOW
                    .ne(workflow)
                    .or(SW_SCHEDULES.CRON.ne(cron))
                    .or(SW_SCHEDULES.ZONE.ne(zone)))
            .execute();
    return Transitions.changedOne(n, "declaring schedule " + name);
  }

  /** False if another node inserted it first (both starting with the same schedules). */
  private boolean insert(String name, String workflow, String cron, String zone, Instant next) {
    try {
      dsl.insertInto(SW_SCHEDULES)
          .set(SW_SCHEDULES.NAME, name)
          .set(SW_SCHEDULES.WORKFLOW, workflow)
          .set(SW_SCHEDULES.CRON, cron)
          .set(SW_SCHEDULES.ZONE, zone)
          .set(SW_SCHEDULES.PAUSED, false)
          .set(SW_SCHEDULES.NEXT_TICK, odt(next))
          .set(SW_SCHEDULES.UPDATED_AT, odt(clock.instant()))
          .execute();
      return true;
    } catch (IntegrityConstraintViolationException e) {
      return false;
    }
  }

  /** Pauses ({@code nextTick} null) or resumes a schedule; false if there is no such schedule. */
  public boolean setPaused(String name, boolean paused, Instant nextTick) {
    int n =
        dsl.update(SW_SCHEDULES)
            .set(SW_SCHEDULES.PAUSED, paused)
            .set(SW_SCHEDULES.NEXT_TICK, odt(nextTick))
            .set(SW_SCHEDULES.UPDATED_AT, odt(clock.instant()))
            .where(SW_SCHEDULES.NAME.eq(name))
            .execute();
    return Transitions.changedOne(n, "pausing or resuming schedule " + name);
  }

  /** Records a run started outside the cron (a trigger), leaving the next tick as it is. */
  public void recordRun(String name, Instant tick, String runId) {
    dsl.update(SW_SCHEDULES)
        .set(SW_SCHEDULES.LAST_TICK, odt(tick))
        .set(SW_SCHEDULES.LAST_RUN_ID, runId)
        .set(SW_SCHEDULES.UPDATED_AT, odt(clock.instant()))
        .where(SW_SCHEDULES.NAME.eq(name))
        .execute();
  }

  /**
   * The earliest next tick of the unpaused schedules among {@code names}, other nodes' included.
   */
  public Optional<Instant> earliestNextTick(Set<String> names) {
    return dsl.select(DSL.min(SW_SCHEDULES.NEXT_TICK))
        .from(SW_SCHEDULES)
        .where(SW_SCHEDULES.NAME.in(names).and(SW_SCHEDULES.PAUSED.isFalse()))
        .fetchOptional(r -> instant(r.value1()));
  }

  /** The unpaused schedules among {@code names} whose next tick is at or before {@code now}. */
  public List<String> due(Set<String> names, Instant now) {
    return dsl.select(SW_SCHEDULES.NAME)
        .from(SW_SCHEDULES)
        .where(SW_SCHEDULES.NAME.in(names))
        .and(dueAt(now))
        .orderBy(SW_SCHEDULES.NEXT_TICK)
        .fetch(SW_SCHEDULES.NAME);
  }

  /**
   * In one transaction: locks the schedule if it is still due and no other node holds it, lets
   * {@code fire} start its runs, and writes the advance {@code fire} returns. False if the row was
   * not due any more or another node is firing it. An exception of {@code fire} rolls back, so the
   * ticks are fired again later; the runs it started are idempotent by run id.
   */
  public boolean fireLocked(String name, Instant now, Function<ScheduleRow, Advance> fire) {
    return dsl.transactionResult(
        cfg -> {
          DSLContext tx = cfg.dsl();
          Optional<ScheduleRow> locked =
              tx.selectFrom(SW_SCHEDULES)
                  .where(SW_SCHEDULES.NAME.eq(name))
                  .and(dueAt(now))
                  .forUpdate()
                  .skipLocked()
                  .fetchOptional(ScheduleRows::row);
          if (locked.isEmpty()) {
            return false;
          }
          Advance advance = fire.apply(locked.get());
          // Locked by this transaction, so nothing else changed it since it was read.
          int n =
              tx.update(SW_SCHEDULES)
                  .set(SW_SCHEDULES.NEXT_TICK, odt(advance.nextTick()))
                  .set(SW_SCHEDULES.LAST_TICK, odt(advance.lastTick()))
                  .set(SW_SCHEDULES.LAST_RUN_ID, advance.lastRunId())
                  .set(SW_SCHEDULES.UPDATED_AT, odt(now))
                  .where(SW_SCHEDULES.NAME.eq(name))
                  .execute();
          return Transitions.changedOne(n, "advancing schedule " + name);
        });
  }

  private static Condition dueAt(Instant now) {
    return SW_SCHEDULES.PAUSED.isFalse().and(SW_SCHEDULES.NEXT_TICK.le(odt(now)));
  }

  private static ScheduleRow row(SwSchedulesRecord r) {
    return new ScheduleRow(
        r.getName(),
        r.getWorkflow(),
        r.getCron(),
        r.getZone(),
        r.getPaused(),
        instant(r.getNextTick()),
        instant(r.getLastTick()),
        r.getLastRunId());
  }
}
