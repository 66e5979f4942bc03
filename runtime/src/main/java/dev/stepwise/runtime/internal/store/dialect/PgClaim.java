package dev.stepwise.runtime.internal.store.dialect;

import static dev.stepwise.runtime.internal.db.Tables.SW_RUNS;
import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;
import static dev.stepwise.runtime.internal.store.TaskQueue.dueCondition;
import static dev.stepwise.runtime.internal.store.TaskQueue.leased;

import dev.stepwise.runtime.internal.store.Claim;
import dev.stepwise.runtime.internal.store.TaskQueue.Claimed;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.jooq.CommonTableExpression;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record11;
import org.jooq.Record2;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/** The claim on PostgreSQL: one auto-committed {@code UPDATE … FROM … RETURNING}. */
public final class PgClaim implements Claim {
  // The claim's CTE columns, named apart from the table's so they need no qualifier: the schema
  // mapping would qualify "due" with the engine's schema, where no such table exists.
  private static final Field<String> DUE_RUN_ID = DSL.field(DSL.name("due_run_id"), String.class);
  private static final Field<String> DUE_STEP_ID = DSL.field(DSL.name("due_step_id"), String.class);

  private final DSLContext dsl;

  public PgClaim(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  /**
   * PostgreSQL: one statement, in auto-commit. The CTE picks and locks the due rows ({@code
   * MATERIALIZED}: evaluated exactly once, so the rows updated are the rows locked); the UPDATE
   * leases them and returns them joined with their runs, whose rows it reads but does not lock. Not
   * forced to disk: a claim lost in a crash only puts the step back in the queue.
   */
  public List<Claimed> claim(
      String owner, Instant now, Duration lease, int limit, Collection<String> workflows) {
    return claimReturningQuery(owner, now, lease, limit, workflows).fetch(Claimed::of);
  }

  /** The claim statement (public for the test of its plan). */
  public ResultQuery<
          Record11<
              String,
              String,
              String,
              Integer,
              Long,
              String,
              String,
              String,
              String,
              String,
              OffsetDateTime>>
      claimReturningQuery(
          String owner, Instant now, Duration lease, int limit, Collection<String> workflows) {
    CommonTableExpression<Record2<String, String>> due =
        DSL.name("due")
            .fields(DUE_RUN_ID.getName(), DUE_STEP_ID.getName())
            .asMaterialized(
                dsl.select(SW_STEPS.RUN_ID, SW_STEPS.STEP_ID)
                    .from(SW_STEPS)
                    .where(dueCondition(now, workflows))
                    .orderBy(SW_STEPS.NOT_BEFORE)
                    .limit(limit)
                    .forUpdate()
                    .skipLocked());
    return leased(dsl.with(due).update(SW_STEPS), owner, now, lease)
        .from(due, SW_RUNS)
        .where(
            SW_STEPS
                .RUN_ID
                .eq(DUE_RUN_ID)
                .and(SW_STEPS.STEP_ID.eq(DUE_STEP_ID))
                .and(SW_RUNS.ID.eq(SW_STEPS.RUN_ID)))
        .returningResult(
            SW_STEPS.RUN_ID,
            SW_STEPS.STEP_ID,
            SW_STEPS.WORKFLOW,
            SW_STEPS.ATTEMPTS,
            SW_STEPS.VERSION,
            SW_STEPS.RESUME_PAYLOAD,
            SW_STEPS.ITEM,
            SW_RUNS.GRAPH_VERSION,
            SW_RUNS.STATUS,
            SW_RUNS.INPUT,
            SW_STEPS.NOT_BEFORE);
  }
}
