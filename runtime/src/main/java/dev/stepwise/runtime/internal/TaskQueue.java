package dev.stepwise.runtime.internal;

import static dev.stepwise.runtime.internal.RunRepository.checkOne;
import static dev.stepwise.runtime.internal.RunRepository.fenced;
import static dev.stepwise.runtime.internal.RunRepository.odt;
import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.internal.Rows.Task;
import dev.stepwise.runtime.internal.db.tables.records.SwStepsRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Row2;
import org.jooq.impl.DSL;

/**
 * The step rows seen as a queue of tasks: claiming due steps, putting failed ones back with a
 * delay, and the leases (heartbeat and sweeper). None of these statements takes a run lock.
 */
final class TaskQueue {
  private final DSLContext dsl;

  TaskQueue(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * Claims up to {@code limit} due steps of the given workflows for {@code owner}: select with
   * {@code FOR UPDATE SKIP LOCKED} (other nodes skip, never block), then update, in one
   * transaction.
   */
  List<Task> claim(
      String owner, Instant now, Duration lease, int limit, Collection<String> workflows) {
    return dsl.transactionResult(
        cfg -> {
          DSLContext tx = cfg.dsl();
          List<SwStepsRecord> due =
              tx.selectFrom(SW_STEPS)
                  .where(
                      SW_STEPS
                          .STATUS
                          .eq(Status.PENDING.name())
                          .and(SW_STEPS.NOT_BEFORE.le(odt(now)))
                          .and(SW_STEPS.WORKFLOW.in(workflows)))
                  .orderBy(SW_STEPS.NOT_BEFORE)
                  .limit(limit)
                  .forUpdate()
                  .skipLocked()
                  .fetch();
          if (due.isEmpty()) {
            return List.of();
          }
          List<Row2<String, String>> keys = new ArrayList<>();
          due.forEach(r -> keys.add(DSL.row(r.getRunId(), r.getStepId())));
          // The rows are locked by this transaction, so no version check is needed here.
          tx.update(SW_STEPS)
              .set(SW_STEPS.STATUS, Status.RUNNING.name())
              .set(SW_STEPS.LEASE_OWNER, owner)
              .set(SW_STEPS.LEASE_UNTIL, odt(now.plus(lease)))
              .set(SW_STEPS.ATTEMPTS, SW_STEPS.ATTEMPTS.plus(1))
              .set(SW_STEPS.STARTED_AT, odt(now))
              .set(SW_STEPS.VERSION, SW_STEPS.VERSION.plus(1))
              .where(DSL.row(SW_STEPS.RUN_ID, SW_STEPS.STEP_ID).in(keys))
              .execute();
          List<Task> tasks = new ArrayList<>(due.size());
          for (SwStepsRecord r : due) {
            tasks.add(
                new Task(
                    r.getRunId(),
                    r.getStepId(),
                    r.getWorkflow(),
                    r.getAttempts() + 1,
                    r.getVersion() + 1,
                    r.getResumePayload(),
                    null));
          }
          return tasks;
        });
  }

  /**
   * Puts a failed step back in the queue until {@code notBefore}; fenced like {@code
   * RunRepository.finishStep}.
   */
  int retryStep(Task task, String owner, StepError error, Instant notBefore) {
    int n =
        dsl.update(SW_STEPS)
            .set(SW_STEPS.STATUS, Status.PENDING.name())
            .set(SW_STEPS.NOT_BEFORE, odt(notBefore))
            .set(SW_STEPS.ERROR_TYPE, error.type())
            .set(SW_STEPS.ERROR_MESSAGE, error.message())
            .set(SW_STEPS.ERROR_STACK, error.stackTrace())
            .set(SW_STEPS.LEASE_OWNER, (String) null)
            .set(SW_STEPS.LEASE_UNTIL, (OffsetDateTime) null)
            .set(SW_STEPS.VERSION, SW_STEPS.VERSION.plus(1))
            .where(fenced(task, owner))
            .execute();
    return checkOne(n, task);
  }

  /** Extends the leases of the steps this node is executing: one statement per heartbeat. */
  int extendLeases(String owner, Instant until, List<InFlight.Key> steps) {
    if (steps.isEmpty()) {
      return 0;
    }
    List<Row2<String, String>> keys = new ArrayList<>(steps.size());
    steps.forEach(k -> keys.add(DSL.row(k.runId(), k.stepId())));
    return dsl.update(SW_STEPS)
        .set(SW_STEPS.LEASE_UNTIL, odt(until))
        .where(
            SW_STEPS
                .LEASE_OWNER
                .eq(owner)
                .and(SW_STEPS.STATUS.eq(Status.RUNNING.name()))
                .and(DSL.row(SW_STEPS.RUN_ID, SW_STEPS.STEP_ID).in(keys)))
        .execute();
  }

  /** Extends one step's lease; false if this node lost it. */
  boolean extendLease(Task task, String owner, Instant until) {
    int n =
        dsl.update(SW_STEPS)
            .set(SW_STEPS.LEASE_UNTIL, odt(until))
            .where(fenced(task, owner))
            .execute();
    return checkOne(n, task) == 1;
  }

  /** Moves RUNNING steps whose lease expired back to PENDING, so another node can take them. */
  int sweepExpired(Instant now) {
    return dsl.update(SW_STEPS)
        .set(SW_STEPS.STATUS, Status.PENDING.name())
        .set(SW_STEPS.LEASE_OWNER, (String) null)
        .set(SW_STEPS.LEASE_UNTIL, (OffsetDateTime) null)
        .set(SW_STEPS.NOT_BEFORE, odt(now))
        .set(SW_STEPS.VERSION, SW_STEPS.VERSION.plus(1))
        .where(SW_STEPS.STATUS.eq(Status.RUNNING.name()).and(SW_STEPS.LEASE_UNTIL.lt(odt(now))))
        .execute();
  }
}
