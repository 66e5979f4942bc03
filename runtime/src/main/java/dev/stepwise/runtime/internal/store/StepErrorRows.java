package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_RUNS;
import static dev.stepwise.runtime.internal.db.Tables.SW_STEP_ERRORS;
import static dev.stepwise.runtime.internal.store.SqlValues.odt;

import dev.stepwise.runtime.AttemptError;
import dev.stepwise.runtime.StepError;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The errors of a step's failed attempts ({@code sw_step_errors}). Bounded per step: the first
 * {@value #KEPT} are kept, so a step that fails forever (a retry policy of a thousand attempts)
 * cannot grow the table without end, and the latest error is always on the step row itself.
 */
public final class StepErrorRows {
  /** How many failed attempts' errors are kept per step. */
  public static final int KEPT = 20;

  private StepErrorRows() {}

  /** Records a failed attempt's error, unless the step has {@value #KEPT} already. */
  public static void record(
      DSLContext tx, String runId, String stepId, int attempt, StepError error, Instant now) {
    var kept =
        DSL.selectCount()
            .from(SW_STEP_ERRORS)
            .where(SW_STEP_ERRORS.RUN_ID.eq(runId).and(SW_STEP_ERRORS.STEP_ID.eq(stepId)));
    tx.insertInto(
            SW_STEP_ERRORS,
            SW_STEP_ERRORS.RUN_ID,
            SW_STEP_ERRORS.STEP_ID,
            SW_STEP_ERRORS.ATTEMPT,
            SW_STEP_ERRORS.FAILED_AT,
            SW_STEP_ERRORS.ERROR_TYPE,
            SW_STEP_ERRORS.ERROR_MESSAGE,
            SW_STEP_ERRORS.ERROR_STACK)
        .select(
            DSL.select(
                    DSL.val(runId),
                    DSL.val(stepId),
                    DSL.val(attempt),
                    DSL.val(odt(now)),
                    DSL.val(error.type()),
                    DSL.val(error.message()),
                    DSL.val(error.stackTrace()))
                .where(DSL.field(kept).lt(KEPT)))
        .execute();
  }

  /** A step's kept errors, oldest first. */
  public static List<AttemptError> of(DSLContext dsl, String runId, String stepId) {
    return dsl.select(
            SW_STEP_ERRORS.ATTEMPT,
            SW_STEP_ERRORS.FAILED_AT,
            SW_STEP_ERRORS.ERROR_TYPE,
            SW_STEP_ERRORS.ERROR_MESSAGE,
            SW_STEP_ERRORS.ERROR_STACK)
        .from(SW_STEP_ERRORS)
        .where(SW_STEP_ERRORS.RUN_ID.eq(runId).and(SW_STEP_ERRORS.STEP_ID.eq(stepId)))
        .orderBy(SW_STEP_ERRORS.FAILED_AT, SW_STEP_ERRORS.ATTEMPT)
        .fetch(
            r ->
                new AttemptError(
                    r.value1(),
                    r.value2().toInstant(),
                    new StepError(r.value3(), r.value4(), r.value5())));
  }

  /** Deletes the errors of these top-level runs and of their child runs (all being deleted). */
  public static void deleteOfFamilies(DSLContext tx, Collection<String> rootIds) {
    tx.deleteFrom(SW_STEP_ERRORS)
        .where(
            SW_STEP_ERRORS
                .RUN_ID
                .in(rootIds)
                .or(
                    SW_STEP_ERRORS.RUN_ID.in(
                        DSL.select(SW_RUNS.ID).from(SW_RUNS).where(SW_RUNS.ROOT_ID.in(rootIds)))))
        .execute();
  }

  /** Deletes the errors of these runs (their runs are being deleted). */
  public static void deleteOf(DSLContext tx, Collection<String> runIds) {
    tx.deleteFrom(SW_STEP_ERRORS).where(SW_STEP_ERRORS.RUN_ID.in(runIds)).execute();
  }
}
