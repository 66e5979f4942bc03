package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.internal.db.tables.records.SwStepsRecord;
import dev.stepwise.runtime.internal.model.Rows.NewStep;
import dev.stepwise.runtime.internal.model.Rows.StepRow;
import dev.stepwise.runtime.internal.model.Rows.Task;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.jooq.InsertSetStep;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * The SQL of step rows ({@code sw_steps}) that commits write inside their transaction: insert
 * successors, record outcomes fenced on the lease, cancel open steps, and read a run's steps.
 * Static: every method takes the transaction it runs in. A transition returns whether it happened
 * ({@link Transitions}).
 */
public final class StepStore {
  private static final List<String> OPEN_STEP_STATES =
      List.of(
          Status.PENDING.name(),
          Status.QUEUED.name(),
          Status.SUSPENDED.name(),
          Status.WAITING.name());

  private StepStore() {}

  public static void insertSteps(DSLContext tx, List<NewStep> steps, Instant now) {
    if (steps.isEmpty()) {
      return;
    }
    // One multi-row INSERT: a fork costs one statement, not one per branch.
    InsertSetStep<SwStepsRecord> insert = tx.insertInto(SW_STEPS);
    InsertSetMoreStep<SwStepsRecord> rows = null;
    for (NewStep s : steps) {
      InsertSetStep<SwStepsRecord> next = rows == null ? insert : rows.newRecord();
      rows =
          next.set(SW_STEPS.RUN_ID, s.runId())
              .set(SW_STEPS.STEP_ID, s.stepId())
              .set(SW_STEPS.WORKFLOW, s.workflow())
              .set(SW_STEPS.STATUS, s.status().name())
              .set(SW_STEPS.ATTEMPTS, s.attempts())
              .set(SW_STEPS.NOT_BEFORE, SqlValues.odt(now))
              .set(SW_STEPS.LEASE_OWNER, s.leaseOwner())
              .set(SW_STEPS.LEASE_UNTIL, SqlValues.odt(s.leaseUntil()))
              .set(SW_STEPS.STARTED_AT, SqlValues.odt(s.startedAt()))
              .set(SW_STEPS.FINISHED_AT, SqlValues.odt(s.finishedAt()))
              .set(SW_STEPS.QUEUE, s.queue())
              .set(SW_STEPS.VERSION, s.version());
    }
    rows.execute();
  }

  public static List<StepRow> steps(DSLContext ctx, String runId) {
    return ctx.selectFrom(SW_STEPS).where(SW_STEPS.RUN_ID.eq(runId)).fetch(StepStore::step);
  }

  /** The steps of several runs (inside a transaction that holds their locks, or not). */
  public static Map<String, List<StepRow>> steps(DSLContext tx, Collection<String> runIds) {
    if (runIds.size() == 1) {
      String id = runIds.iterator().next();
      return Map.of(id, steps(tx, id));
    }
    Map<String, List<StepRow>> byRun = new LinkedHashMap<>();
    for (StepRow s :
        tx.selectFrom(SW_STEPS).where(SW_STEPS.RUN_ID.in(runIds)).fetch(StepStore::step)) {
      byRun.computeIfAbsent(s.runId(), k -> new ArrayList<>()).add(s);
    }
    return byRun;
  }

  /** A step outcome to record with {@link #finishSteps}. */
  public record Finish(
      Task task, Status status, String output, StepError error, String suspendReason) {}

  /**
   * Records several steps' outcomes, each fenced like {@link #finishStep}, sent to the database
   * together; returns each one's row count (0: that lease was lost).
   */
  public static int[] finishSteps(DSLContext tx, List<Finish> finishes, String owner, Instant now) {
    if (finishes.size() == 1) {
      Finish f = finishes.get(0);
      return new int[] {
        finishStep(tx, f.task(), owner, f.status(), f.output(), f.error(), f.suspendReason(), now)
      };
    }
    if (finishes.isEmpty()) {
      return new int[0];
    }
    // One prepared statement bound once per step: the server parses and plans it once per batch
    // (a batch of separate queries would be sent with its values inlined, each statement new to
    // the server).
    Finish first = finishes.get(0);
    Query template =
        finishQuery(
            tx,
            first.task(),
            owner,
            first.status(),
            first.output(),
            first.error(),
            first.suspendReason(),
            now);
    assert template.getBindValues().size() == finishBinds(first, owner, now).length;
    BatchBindStep batch = tx.batch(template);
    for (Finish f : finishes) {
      batch = batch.bind(finishBinds(f, owner, now));
    }
    int[] counts = batch.execute();
    for (int i = 0; i < counts.length; i++) {
      checkOne(counts[i], finishes.get(i).task());
    }
    return counts;
  }

  /**
   * Records a step's outcome if this node still holds its lease; 0 means the lease was lost (swept
   * and perhaps re-run elsewhere) and the result must be dropped.
   */
  static int finishStep(
      DSLContext tx,
      Task task,
      String owner,
      Status status,
      String output,
      StepError error,
      String suspendReason,
      Instant now) {
    int n = finishQuery(tx, task, owner, status, output, error, suspendReason, now).execute();
    return checkOne(n, task);
  }

  /**
   * The fenced step update; its bind values, in order, are {@link #finishBinds}. The constants are
   * literals so that a batch binds only what varies.
   */
  private static Query finishQuery(
      DSLContext tx,
      Task task,
      String owner,
      Status status,
      String output,
      StepError error,
      String suspendReason,
      Instant now) {
    return tx.update(SW_STEPS)
        .set(SW_STEPS.STATUS, status.name())
        .set(SW_STEPS.OUTPUT, output)
        .set(SW_STEPS.ERROR_TYPE, error == null ? null : error.type())
        .set(SW_STEPS.ERROR_MESSAGE, error == null ? null : error.message())
        .set(SW_STEPS.ERROR_STACK, error == null ? null : error.stackTrace())
        .set(SW_STEPS.SUSPEND_REASON, suspendReason)
        // A payload is consumed by the execution that saw it; a new suspend waits for a new
        // one.
        .set(SW_STEPS.RESUME_PAYLOAD, DSL.inline((String) null, SW_STEPS.RESUME_PAYLOAD))
        .set(SW_STEPS.LEASE_OWNER, DSL.inline((String) null, SW_STEPS.LEASE_OWNER))
        .set(SW_STEPS.LEASE_UNTIL, DSL.inline((OffsetDateTime) null, SW_STEPS.LEASE_UNTIL))
        .set(SW_STEPS.FINISHED_AT, SqlValues.odt(now))
        .set(SW_STEPS.VERSION, SW_STEPS.VERSION.plus(DSL.inline(1L)))
        .where(fenced(task, owner));
  }

  /** The values {@link #finishQuery} binds, in the order it renders them ({@link #fenced} last). */
  private static Object[] finishBinds(Finish f, String owner, Instant now) {
    StepError error = f.error();
    return new Object[] {
      f.status().name(),
      f.output(),
      error == null ? null : error.type(),
      error == null ? null : error.message(),
      error == null ? null : error.stackTrace(),
      f.suspendReason(),
      SqlValues.odt(now),
      f.task().runId(),
      f.task().stepId(),
      owner,
      f.task().version()
    };
  }

  /** Cancels the steps of a run that have not started (pending, suspended, waiting). */
  /**
   * The PENDING steps of a run that goes back to waiting for its workflow's slot become QUEUED:
   * admission ({@code RunGate}) makes them PENDING again.
   */
  public static void holdForSlot(DSLContext tx, String runId) {
    tx.update(SW_STEPS)
        .set(SW_STEPS.STATUS, DSL.inline(Status.QUEUED.name()))
        .where(SW_STEPS.RUN_ID.eq(runId).and(SW_STEPS.STATUS.eq(DSL.inline(Status.PENDING.name()))))
        .execute();
  }

  /**
   * A step of a forked run copied from its source: SUCCEEDED (or SKIPPED) with its output, as it
   * finished there.
   */
  public static void insertCopied(
      DSLContext tx,
      String runId,
      String stepId,
      String workflow,
      Status status,
      String output,
      int attempts,
      Instant now) {
    new StepInsert(runId, stepId, workflow, status, attempts, output, now, now, null)
        .execute(tx, now);
  }

  /**
   * A failed or cancelled step of a run being retried starts again: PENDING, due now, with a fresh
   * attempt budget (its kept errors stay in {@code sw_step_errors}); a fan-out's parent row goes
   * back to RUNNING without a lease, as while its elements run.
   */
  public static boolean reopenStep(
      DSLContext tx, String runId, String stepId, boolean fanOutParent, Instant now) {
    return tx.update(SW_STEPS)
            .set(SW_STEPS.STATUS, fanOutParent ? Status.RUNNING.name() : Status.PENDING.name())
            .set(SW_STEPS.ATTEMPTS, fanOutParent ? SW_STEPS.ATTEMPTS : DSL.val(0))
            .set(SW_STEPS.NOT_BEFORE, SqlValues.odt(now))
            .set(SW_STEPS.LEASE_OWNER, (String) null)
            .set(SW_STEPS.LEASE_UNTIL, (OffsetDateTime) null)
            .set(SW_STEPS.FINISHED_AT, (OffsetDateTime) null)
            // A fan-out's counts may have missed elements that finished while it was failed
            // (FanOut): cleared, they are counted again from its element rows, once.
            .set(SW_STEPS.ITEMS_TOTAL, (Integer) null)
            .set(SW_STEPS.ITEMS_STARTED, (Integer) null)
            .set(SW_STEPS.ITEMS_SUCCEEDED, (Integer) null)
            .set(SW_STEPS.VERSION, SW_STEPS.VERSION.plus(1))
            .where(
                SW_STEPS
                    .RUN_ID
                    .eq(runId)
                    .and(SW_STEPS.STEP_ID.eq(stepId))
                    .and(SW_STEPS.STATUS.in(Status.FAILED.name(), Status.CANCELLED.name())))
            .execute()
        == 1;
  }

  /** A PENDING step leased by {@link #adoptPending}: its attempt and version now, its payload. */
  public record Adopted(int attempt, long version, String resumePayload) {}

  /**
   * Leases PENDING step {@code stepId} of {@code runId} to {@code owner} as a claim would, if it is
   * due and waits for no queue; empty if it is not (another node claimed it meanwhile, say). The
   * caller holds the run lock.
   */
  public static Optional<Adopted> adoptPending(
      DSLContext tx, String runId, String stepId, String owner, Instant now, Duration lease) {
    return TaskQueue.leased(tx.update(SW_STEPS), owner, now, lease)
        .where(
            SW_STEPS
                .RUN_ID
                .eq(runId)
                .and(SW_STEPS.STEP_ID.eq(stepId))
                .and(SW_STEPS.STATUS.eq(DSL.inline(Status.PENDING.name())))
                .and(SW_STEPS.QUEUE.isNull())
                .and(SW_STEPS.NOT_BEFORE.le(SqlValues.odt(now))))
        .returningResult(SW_STEPS.ATTEMPTS, SW_STEPS.VERSION, SW_STEPS.RESUME_PAYLOAD)
        .fetchOptional(r -> new Adopted(r.value1(), r.value2(), r.value3()));
  }

  public static int cancelOpenSteps(DSLContext tx, String runId, Instant now) {
    return cancelOpenSteps(tx, List.of(runId), now);
  }

  /** Cancels the open steps of these runs, in one statement (a bulk cancel's batch). */
  public static int cancelOpenSteps(DSLContext tx, Collection<String> runIds, Instant now) {
    return tx.update(SW_STEPS)
        .set(SW_STEPS.STATUS, Status.CANCELLED.name())
        .set(SW_STEPS.FINISHED_AT, SqlValues.odt(now))
        .set(SW_STEPS.VERSION, SW_STEPS.VERSION.plus(1))
        .where(
            SW_STEPS
                .RUN_ID
                .in(runIds)
                .and(
                    SW_STEPS
                        .STATUS
                        .in(OPEN_STEP_STATES)
                        // A fan-out step waiting for its elements is RUNNING without a lease.
                        .or(
                            SW_STEPS
                                .STATUS
                                .eq(Status.RUNNING.name())
                                .and(SW_STEPS.LEASE_OWNER.isNull()))))
        .execute();
  }

  /** The row of step {@code stepId} of {@code runId} if it is in {@code status}. */
  static org.jooq.Condition stepIn(String runId, String stepId, Status status) {
    return SW_STEPS
        .RUN_ID
        .eq(runId)
        .and(SW_STEPS.STEP_ID.eq(stepId))
        .and(SW_STEPS.STATUS.eq(status.name()));
  }

  public static Optional<Status> stepStatus(DSLContext tx, String runId, String stepId) {
    return tx.select(SW_STEPS.STATUS)
        .from(SW_STEPS)
        .where(SW_STEPS.RUN_ID.eq(runId).and(SW_STEPS.STEP_ID.eq(stepId)))
        .fetchOptional(r -> Status.valueOf(r.value1()));
  }

  /**
   * The step row as leased by {@code task}: 0 rows updated means the lease was lost.
   *
   * <p>No {@code status = 'RUNNING'} here: only a lease sets {@code lease_owner}, every transition
   * bumps {@code version}, so owner and version already pin the leased row. With the status in the
   * predicate PostgreSQL may pick the (status, lease_until) index over the primary key and wade
   * through its dead RUNNING entries, which churn leaves by the thousand: 276 buffers per update
   * instead of 4 (EXPLAIN ANALYZE, docs/performance.md).
   */
  public static org.jooq.Condition fenced(Task task, String owner) {
    return SW_STEPS
        .RUN_ID
        .eq(task.runId())
        .and(SW_STEPS.STEP_ID.eq(task.stepId()))
        .and(SW_STEPS.LEASE_OWNER.eq(owner))
        .and(SW_STEPS.VERSION.eq(task.version()));
  }

  public static int checkOne(int n, Task task) {
    changedOne(n, task.runId(), task.stepId());
    return n;
  }

  /**
   * Whether the conditional update of one step row changed it: 0 rows means the race was lost, more
   * than 1 cannot be.
   */
  static boolean changedOne(int n, String runId, String stepId) {
    // The primary key makes more than one impossible; if it happens the schema is not ours.
    return Transitions.changedOne(n, "updating step " + stepId + " of run " + runId);
  }

  static StepRow step(SwStepsRecord r) {
    return new StepRow(
        r.getRunId(),
        r.getStepId(),
        Status.valueOf(r.getStatus()),
        r.getAttempts(),
        r.getOutput(),
        SqlValues.error(r.getErrorType(), r.getErrorMessage(), r.getErrorStack()),
        r.getSuspendReason(),
        r.getResumePayload(),
        SqlValues.instant(r.getStartedAt()),
        SqlValues.instant(r.getFinishedAt()));
  }
}
