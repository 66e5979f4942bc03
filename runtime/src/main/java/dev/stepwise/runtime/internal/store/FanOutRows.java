package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;
import static dev.stepwise.runtime.internal.store.SqlValues.odt;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import java.time.Instant;
import org.jooq.DSLContext;

/**
 * The rows of a fan-out ({@code @Parallel}): the step's own row (the parent, {@code RUNNING}
 * without a lease while its elements run) and one row {@code step[i]} per element. Callers hold the
 * run lock.
 */
public final class FanOutRows {
  private FanOutRows() {}

  /** A fan-out over an empty list: its row, succeeded at once with {@code []}. */
  public static void insertEmpty(DSLContext tx, RunRow run, String stepId, Instant now) {
    new StepInsert(run.id(), stepId, run.workflow(), Status.SUCCEEDED, 0, "[]", now, now, null)
        .execute(tx, now);
  }

  /** The parent row of a fan-out that starts: RUNNING, and no lease, while its elements run. */
  public static void insertParent(DSLContext tx, RunRow run, String stepId, Instant now) {
    new StepInsert(run.id(), stepId, run.workflow(), Status.RUNNING, 0, null, now, null, null)
        .execute(tx, now);
  }

  /**
   * The row of element {@code index}, queued for any node to claim, in {@code queue} (the
   * fanned-out step's, or null).
   */
  public static void insertElement(
      DSLContext tx, RunRow run, String stepId, int index, String queue, Instant now) {
    new StepInsert(
            run.id(),
            Ids.itemId(stepId, index),
            run.workflow(),
            Status.PENDING,
            0,
            null,
            null,
            null,
            queue)
        .execute(tx, now);
  }

  /** RUNNING -> SUCCEEDED with the elements' outputs; false if the parent was not running. */
  public static boolean succeedParent(
      DSLContext tx, String runId, String stepId, String outputJson, Instant now) {
    return finishParent(tx, runId, stepId, Status.SUCCEEDED, outputJson, null, now);
  }

  /** RUNNING -> FAILED with an element's error; false if the parent was not running. */
  public static boolean failParent(
      DSLContext tx, String runId, String stepId, StepError error, Instant now) {
    return finishParent(tx, runId, stepId, Status.FAILED, null, error, now);
  }

  /** RUNNING -> SKIPPED; false if the parent was not running. */
  public static boolean skipParent(DSLContext tx, String runId, String stepId, Instant now) {
    return finishParent(tx, runId, stepId, Status.SKIPPED, null, null, now);
  }

  private static boolean finishParent(
      DSLContext tx,
      String runId,
      String stepId,
      Status status,
      String output,
      StepError error,
      Instant now) {
    int n =
        tx.update(SW_STEPS)
            .set(SW_STEPS.STATUS, status.name())
            .set(SW_STEPS.OUTPUT, output)
            .set(SW_STEPS.ERROR_TYPE, error == null ? null : error.type())
            .set(SW_STEPS.ERROR_MESSAGE, error == null ? null : error.message())
            .set(SW_STEPS.ERROR_STACK, error == null ? null : error.stackTrace())
            .set(SW_STEPS.FINISHED_AT, odt(now))
            .set(SW_STEPS.VERSION, SW_STEPS.VERSION.plus(1))
            .where(StepStore.stepIn(runId, stepId, Status.RUNNING))
            .execute();
    return StepStore.changedOne(n, runId, stepId);
  }
}
