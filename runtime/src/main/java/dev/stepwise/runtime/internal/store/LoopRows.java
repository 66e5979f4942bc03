package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;
import static dev.stepwise.runtime.internal.store.SqlValues.odt;
import static dev.stepwise.runtime.internal.store.StepStore.fenced;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.Rows.Task;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The rows of a bounded loop: the step's row is the current iteration, and each finished earlier
 * iteration is a row {@code step#k}. The updates are fenced on the task's lease.
 */
public final class LoopRows {
  private LoopRows() {}

  /** How many iterations of {@code task}'s step are recorded; outside a transaction. */
  public static int iterations(DSLContext dsl, Task task) {
    return dsl.fetchCount(
        SW_STEPS,
        SW_STEPS.RUN_ID.eq(task.runId()).and(SW_STEPS.STEP_ID.startsWith(task.stepId() + "#")));
  }

  /** The output recorded for finished iteration {@code k} of {@code task}'s step, or null. */
  public static String output(DSLContext dsl, Task task, int k) {
    return dsl.select(SW_STEPS.OUTPUT)
        .from(SW_STEPS)
        .where(
            SW_STEPS.RUN_ID.eq(task.runId()),
            SW_STEPS.STEP_ID.eq(Ids.iterationId(task.stepId(), k)))
        .fetchOne(SW_STEPS.OUTPUT);
  }

  /**
   * Leased -> PENDING with its attempts reset, for the next iteration; false if the lease was lost.
   */
  public static boolean requeue(DSLContext tx, Task task, String owner, Instant now) {
    return endIteration(tx, task, owner, Status.PENDING, null, DSL.val(0), null, now);
  }

  /**
   * Leased -> SUCCEEDED with the iteration's output, for a run that finished meanwhile; false if
   * the lease was lost.
   */
  public static boolean succeed(
      DSLContext tx, Task task, String owner, String outputJson, Instant now) {
    return endIteration(
        tx, task, owner, Status.SUCCEEDED, outputJson, SW_STEPS.ATTEMPTS, odt(now), now);
  }

  /** Records finished iteration {@code iteration} of {@code task}'s step as a row of its own. */
  public static void insertIteration(
      DSLContext tx, Task task, int iteration, String outputJson, Instant now) {
    new StepInsert(
            task.runId(),
            Ids.iterationId(task.stepId(), iteration),
            task.workflow(),
            Status.SUCCEEDED,
            task.attempt(),
            outputJson,
            null,
            now,
            null)
        .execute(tx, now);
  }

  private static boolean endIteration(
      DSLContext tx,
      Task task,
      String owner,
      Status status,
      String output,
      Field<Integer> attempts,
      OffsetDateTime finishedAt,
      Instant now) {
    int n =
        tx.update(SW_STEPS)
            .set(SW_STEPS.STATUS, status.name())
            .set(SW_STEPS.OUTPUT, output)
            .set(SW_STEPS.ATTEMPTS, attempts)
            .set(SW_STEPS.NOT_BEFORE, odt(now))
            .set(SW_STEPS.ERROR_TYPE, (String) null)
            .set(SW_STEPS.ERROR_MESSAGE, (String) null)
            .set(SW_STEPS.ERROR_STACK, (String) null)
            .set(SW_STEPS.RESUME_PAYLOAD, (String) null)
            .set(SW_STEPS.LEASE_OWNER, (String) null)
            .set(SW_STEPS.LEASE_UNTIL, (OffsetDateTime) null)
            .set(SW_STEPS.FINISHED_AT, finishedAt)
            .set(SW_STEPS.VERSION, SW_STEPS.VERSION.plus(1))
            .where(fenced(task, owner))
            .execute();
    return StepStore.checkOne(n, task) == 1;
  }
}
