package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_RUNS;
import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.internal.db.tables.records.SwRunsRecord;
import dev.stepwise.runtime.internal.db.tables.records.SwStepsRecord;
import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.Rows.NewStep;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.model.Rows.StepRow;
import dev.stepwise.runtime.internal.model.Rows.Task;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.jooq.InsertSetStep;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * The engine's SQL for runs and the progress of their steps, written with jOOQ against the
 * generated tables ({@link TaskQueue} has the claim and lease statements). Each state transition is
 * a conditional UPDATE whose row count tells whether the race was won.
 */
public final class RunRepository {
  private static final List<String> OPEN_STEP_STATES =
      List.of(Status.PENDING.name(), Status.SUSPENDED.name(), Status.WAITING.name());

  private final DSLContext dsl;

  public RunRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public DSLContext dsl() {
    return dsl;
  }

  /**
   * Runs {@code work} in one transaction; once this returns, the commit is durable (on an H2 file
   * database because {@link Database} has H2 write each commit to the file before it returns).
   */
  public <T> T inTransaction(Function<DSLContext, T> work) {
    return dsl.transactionResult(cfg -> work.apply(cfg.dsl()));
  }

  // ---- runs

  public void insertRun(DSLContext tx, RunRow run) {
    tx.insertInto(SW_RUNS)
        .set(SW_RUNS.ID, run.id())
        .set(SW_RUNS.WORKFLOW, run.workflow())
        .set(SW_RUNS.GRAPH_VERSION, run.graphVersion())
        .set(SW_RUNS.STATUS, run.status().name())
        .set(SW_RUNS.INPUT, run.input())
        .set(SW_RUNS.IDEMPOTENCY_KEY, run.idempotencyKey())
        .set(SW_RUNS.ROOT_ID, Ids.rootOf(run.id()))
        .set(SW_RUNS.CREATED_AT, odt(run.createdAt()))
        .set(SW_RUNS.UPDATED_AT, odt(run.updatedAt()))
        .set(SW_RUNS.VERSION, 0L)
        .execute();
  }

  public Optional<RunRow> findRun(String runId) {
    return dsl.selectFrom(SW_RUNS).where(SW_RUNS.ID.eq(runId)).fetchOptional(RunRepository::run);
  }

  /** Locks the run row; every writer of a run's progress takes this lock before any step row. */
  public Optional<RunRow> lockRun(DSLContext tx, String runId) {
    return tx.selectFrom(SW_RUNS)
        .where(SW_RUNS.ID.eq(runId))
        .forUpdate()
        .fetchOptional(RunRepository::run);
  }

  /**
   * Locks the runs of a group of completions, in id order (every node locks several runs in this
   * order, so none deadlock); returns those that exist.
   */
  public Map<String, RunRow> lockRuns(DSLContext tx, Collection<String> runIds) {
    if (runIds.size() == 1) {
      String id = runIds.iterator().next();
      return lockRun(tx, id).map(r -> Map.of(id, r)).orElse(Map.of());
    }
    Map<String, RunRow> runs = new LinkedHashMap<>();
    tx.selectFrom(SW_RUNS)
        .where(SW_RUNS.ID.in(runIds))
        .orderBy(SW_RUNS.ID)
        .forUpdate()
        .fetch(RunRepository::run)
        .forEach(r -> runs.put(r.id(), r));
    return runs;
  }

  /**
   * Sets the status of several runs: one prepared statement, bound once per run and sent as one
   * JDBC batch, so the server parses and plans it once.
   */
  public void setRunStatuses(DSLContext tx, Map<String, Status> statuses, Instant now) {
    if (statuses.size() == 1) {
      Map.Entry<String, Status> e = statuses.entrySet().iterator().next();
      setRunStatus(tx, e.getKey(), e.getValue(), now);
      return;
    }
    if (statuses.isEmpty()) {
      return;
    }
    Map.Entry<String, Status> first = statuses.entrySet().iterator().next();
    Query template = runStatusQuery(tx, first.getKey(), first.getValue(), now);
    assert template.getBindValues().size()
        == runStatusBinds(first.getKey(), first.getValue(), now).length;
    BatchBindStep batch = tx.batch(template);
    for (Map.Entry<String, Status> e : statuses.entrySet()) {
      batch = batch.bind(runStatusBinds(e.getKey(), e.getValue(), now));
    }
    batch.execute();
  }

  public Optional<String> findRunIdByKey(String workflow, String key) {
    return dsl.select(SW_RUNS.ID)
        .from(SW_RUNS)
        .where(SW_RUNS.WORKFLOW.eq(workflow).and(SW_RUNS.IDEMPOTENCY_KEY.eq(key)))
        .fetchOptional(SW_RUNS.ID);
  }

  public List<RunRow> recentRuns(String workflow, int limit) {
    return dsl.selectFrom(SW_RUNS)
        .where(SW_RUNS.WORKFLOW.eq(workflow))
        .orderBy(SW_RUNS.CREATED_AT.desc(), SW_RUNS.ID.desc())
        .limit(limit)
        .fetch(RunRepository::run);
  }

  public void setRunStatus(DSLContext tx, String runId, Status status, Instant now) {
    runStatusQuery(tx, runId, status, now).execute();
  }

  /**
   * The run status update; its bind values, in order, are {@link #runStatusBinds}. The constants
   * are literals so that a batch binds only what varies.
   */
  private static Query runStatusQuery(DSLContext tx, String runId, Status status, Instant now) {
    return tx.update(SW_RUNS)
        .set(SW_RUNS.STATUS, status.name())
        .set(SW_RUNS.UPDATED_AT, odt(now))
        .set(SW_RUNS.FINISHED_AT, status.isTerminal() ? odt(now) : null)
        .set(SW_RUNS.VERSION, SW_RUNS.VERSION.plus(DSL.inline(1L)))
        .where(SW_RUNS.ID.eq(runId));
  }

  private static Object[] runStatusBinds(String runId, Status status, Instant now) {
    return new Object[] {status.name(), odt(now), status.isTerminal() ? odt(now) : null, runId};
  }

  public void failRun(DSLContext tx, String runId, String stepId, StepError error, Instant now) {
    tx.update(SW_RUNS)
        .set(SW_RUNS.STATUS, Status.FAILED.name())
        .set(SW_RUNS.FAILED_STEP, stepId)
        .set(SW_RUNS.ERROR_TYPE, error.type())
        .set(SW_RUNS.ERROR_MESSAGE, error.message())
        .set(SW_RUNS.ERROR_STACK, error.stackTrace())
        .set(SW_RUNS.UPDATED_AT, odt(now))
        .set(SW_RUNS.FINISHED_AT, odt(now))
        .set(SW_RUNS.VERSION, SW_RUNS.VERSION.plus(1))
        .where(SW_RUNS.ID.eq(runId))
        .execute();
  }

  // ---- steps

  public void insertSteps(DSLContext tx, List<NewStep> steps, Instant now) {
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
              .set(SW_STEPS.NOT_BEFORE, odt(now))
              .set(SW_STEPS.LEASE_OWNER, s.leaseOwner())
              .set(SW_STEPS.LEASE_UNTIL, odt(s.leaseUntil()))
              .set(SW_STEPS.STARTED_AT, odt(s.startedAt()))
              .set(SW_STEPS.FINISHED_AT, odt(s.finishedAt()))
              .set(SW_STEPS.VERSION, s.version());
    }
    rows.execute();
  }

  public List<StepRow> steps(DSLContext ctx, String runId) {
    return ctx.selectFrom(SW_STEPS).where(SW_STEPS.RUN_ID.eq(runId)).fetch(RunRepository::step);
  }

  /** The steps of several runs, inside a transaction that holds their locks. */
  public Map<String, List<StepRow>> steps(DSLContext tx, Collection<String> runIds) {
    if (runIds.size() == 1) {
      String id = runIds.iterator().next();
      return Map.of(id, steps(tx, id));
    }
    Map<String, List<StepRow>> byRun = new LinkedHashMap<>();
    for (StepRow s :
        tx.selectFrom(SW_STEPS).where(SW_STEPS.RUN_ID.in(runIds)).fetch(RunRepository::step)) {
      byRun.computeIfAbsent(s.runId(), k -> new ArrayList<>()).add(s);
    }
    return byRun;
  }

  public Map<String, List<StepRow>> steps(Collection<String> runIds) {
    Map<String, List<StepRow>> byRun = new LinkedHashMap<>();
    for (StepRow s :
        dsl.selectFrom(SW_STEPS).where(SW_STEPS.RUN_ID.in(runIds)).fetch(RunRepository::step)) {
      byRun.computeIfAbsent(s.runId(), k -> new ArrayList<>()).add(s);
    }
    return byRun;
  }

  /** The outputs of a run's succeeded steps, by step id (SQL NULL for void steps). */
  public Map<String, String> outputs(String runId) {
    Map<String, String> out = new LinkedHashMap<>();
    dsl.select(SW_STEPS.STEP_ID, SW_STEPS.OUTPUT)
        .from(SW_STEPS)
        .where(SW_STEPS.RUN_ID.eq(runId).and(SW_STEPS.STATUS.eq(Status.SUCCEEDED.name())))
        .forEach(r -> out.put(r.value1(), r.value2()));
    return out;
  }

  /** A step outcome to record with {@link #finishSteps}. */
  public record Finish(
      Task task, Status status, String output, StepError error, String suspendReason) {}

  /**
   * Records several steps' outcomes, each fenced like {@link #finishStep}, sent to the database
   * together; returns each one's row count (0: that lease was lost).
   */
  public int[] finishSteps(DSLContext tx, List<Finish> finishes, String owner, Instant now) {
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
  int finishStep(
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
        .set(SW_STEPS.FINISHED_AT, odt(now))
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
      odt(now),
      f.task().runId(),
      f.task().stepId(),
      owner,
      f.task().version()
    };
  }

  /** Cancels the steps of a run that have not started (pending, suspended, waiting). */
  public int cancelOpenSteps(DSLContext tx, String runId, Instant now) {
    return tx.update(SW_STEPS)
        .set(SW_STEPS.STATUS, Status.CANCELLED.name())
        .set(SW_STEPS.FINISHED_AT, odt(now))
        .set(SW_STEPS.VERSION, SW_STEPS.VERSION.plus(1))
        .where(
            SW_STEPS
                .RUN_ID
                .eq(runId)
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

  /** SUSPENDED -> PENDING with the payload; 0 rows when the step is not suspended. */
  public int resumeStep(DSLContext tx, String runId, String stepId, String payload, Instant now) {
    return tx.update(SW_STEPS)
        .set(SW_STEPS.STATUS, Status.PENDING.name())
        .set(SW_STEPS.RESUME_PAYLOAD, payload)
        .set(SW_STEPS.NOT_BEFORE, odt(now))
        .set(SW_STEPS.FINISHED_AT, (OffsetDateTime) null)
        .set(SW_STEPS.VERSION, SW_STEPS.VERSION.plus(1))
        .where(stepIn(runId, stepId, Status.SUSPENDED))
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

  public Optional<Status> stepStatus(DSLContext tx, String runId, String stepId) {
    return tx.select(SW_STEPS.STATUS)
        .from(SW_STEPS)
        .where(SW_STEPS.RUN_ID.eq(runId).and(SW_STEPS.STEP_ID.eq(stepId)))
        .fetchOptional(r -> Status.valueOf(r.value1()));
  }

  // ---- mapping

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
    if (n > 1) {
      // The primary key makes this impossible; if it happens the schema is not ours.
      throw new IllegalStateException(
          "updated " + n + " rows for step " + stepId + " of run " + runId);
    }
    return n == 1;
  }

  /** The columns of a new run that {@link #bindNewRun} binds, in its order. */
  public static final String NEW_RUN_COLUMNS =
      "id, workflow, graph_version, status, input, idempotency_key, root_id, created_at,"
          + " updated_at";

  /**
   * Binds {@link #NEW_RUN_COLUMNS} of {@code run} to parameters 1 to 9 of a plain-JDBC insert;
   * returns the next parameter's index.
   */
  public static int bindNewRun(PreparedStatement ps, RunRow run) throws SQLException {
    ps.setString(1, run.id());
    ps.setString(2, run.workflow());
    ps.setString(3, run.graphVersion());
    ps.setString(4, run.status().name());
    ps.setString(5, run.input());
    ps.setString(6, run.idempotencyKey());
    ps.setString(7, Ids.rootOf(run.id()));
    ps.setObject(8, odt(run.createdAt()));
    ps.setObject(9, odt(run.updatedAt()));
    return 10;
  }

  public static OffsetDateTime odt(Instant i) {
    return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  private static StepError error(String type, String message, String stack) {
    return type == null ? null : new StepError(type, message, stack);
  }

  private static RunRow run(SwRunsRecord r) {
    return new RunRow(
        r.getId(),
        r.getWorkflow(),
        r.getGraphVersion(),
        Status.valueOf(r.getStatus()),
        r.getInput(),
        r.getIdempotencyKey(),
        r.getFailedStep(),
        error(r.getErrorType(), r.getErrorMessage(), r.getErrorStack()),
        instant(r.getCreatedAt()),
        instant(r.getUpdatedAt()),
        instant(r.getFinishedAt()));
  }

  static StepRow step(SwStepsRecord r) {
    return new StepRow(
        r.getRunId(),
        r.getStepId(),
        Status.valueOf(r.getStatus()),
        r.getAttempts(),
        r.getOutput(),
        error(r.getErrorType(), r.getErrorMessage(), r.getErrorStack()),
        r.getSuspendReason(),
        r.getResumePayload(),
        instant(r.getStartedAt()),
        instant(r.getFinishedAt()));
  }
}
