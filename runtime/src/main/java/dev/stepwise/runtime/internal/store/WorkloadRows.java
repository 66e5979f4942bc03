package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_SCHEDULES;
import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;
import static dev.stepwise.runtime.internal.store.SqlValues.odt;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Workload;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.impl.DSL;

/**
 * Counts what the steps and schedules of some workflows have to do at an instant: two aggregate
 * reads, for a test's virtual clock (is the engine idle, and until when?) and for health checks.
 */
public final class WorkloadRows {
  private final DSLContext dsl;

  public WorkloadRows(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** The workload of {@code workflows} at {@code now}. */
  public Workload read(Instant now, Set<String> workflows) {
    if (workflows.isEmpty()) {
      return new Workload(0, 0, null);
    }
    OffsetDateTime at = odt(now);
    Condition pending = SW_STEPS.STATUS.eq(DSL.inline(Status.PENDING.name()));
    Condition waitingForTime =
        SW_STEPS.STATUS.eq(DSL.inline(Status.WAITING.name())).and(SW_STEPS.WAIT_UNTIL.isNotNull());
    Field<OffsetDateTime> dueAt =
        DSL.when(pending, SW_STEPS.NOT_BEFORE).when(waitingForTime, SW_STEPS.WAIT_UNTIL);
    Record3<Integer, Integer, OffsetDateTime> steps =
        dsl.select(
                DSL.count().filterWhere(SW_STEPS.STATUS.eq(DSL.inline(Status.RUNNING.name()))),
                DSL.count().filterWhere(pending.or(waitingForTime).and(dueAt.le(at))),
                DSL.min(dueAt).filterWhere(dueAt.gt(at)))
            .from(SW_STEPS)
            .where(SW_STEPS.WORKFLOW.in(workflows))
            .fetchOne();
    Condition unpaused = SW_SCHEDULES.WORKFLOW.in(workflows).and(SW_SCHEDULES.PAUSED.isFalse());
    Record3<Integer, Integer, OffsetDateTime> ticks =
        dsl.select(
                DSL.count(),
                DSL.count().filterWhere(SW_SCHEDULES.NEXT_TICK.le(at)),
                DSL.min(SW_SCHEDULES.NEXT_TICK).filterWhere(SW_SCHEDULES.NEXT_TICK.gt(at)))
            .from(SW_SCHEDULES)
            .where(unpaused)
            .fetchOne();
    return new Workload(
        steps.value1(), steps.value2() + ticks.value2(), earliest(steps.value3(), ticks.value3()));
  }

  private static Instant earliest(OffsetDateTime a, OffsetDateTime b) {
    if (a == null) {
      return b == null ? null : b.toInstant();
    }
    return b == null || a.isBefore(b) ? a.toInstant() : b.toInstant();
  }
}
