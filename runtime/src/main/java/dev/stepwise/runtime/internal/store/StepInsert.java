package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;
import static dev.stepwise.runtime.internal.store.SqlValues.odt;

import dev.stepwise.runtime.Status;
import java.time.Instant;
import org.jooq.DSLContext;

/**
 * One step row inserted with its output, as the rows of a fan-out and a loop's iterations are: the
 * columns and their bindings in one place.
 */
record StepInsert(
    String runId,
    String rowId,
    String workflow,
    Status status,
    int attempts,
    String output,
    Instant startedAt,
    Instant finishedAt,
    String queue) {

  /** Inserts the row, due at {@code now}. */
  void execute(DSLContext tx, Instant now) {
    tx.insertInto(SW_STEPS)
        .set(SW_STEPS.RUN_ID, runId)
        .set(SW_STEPS.STEP_ID, rowId)
        .set(SW_STEPS.WORKFLOW, workflow)
        .set(SW_STEPS.STATUS, status.name())
        .set(SW_STEPS.ATTEMPTS, attempts)
        .set(SW_STEPS.NOT_BEFORE, odt(now))
        .set(SW_STEPS.OUTPUT, output)
        .set(SW_STEPS.STARTED_AT, odt(startedAt))
        .set(SW_STEPS.FINISHED_AT, odt(finishedAt))
        .set(SW_STEPS.QUEUE, queue)
        .set(SW_STEPS.VERSION, 0L)
        .execute();
  }
}
