package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_RUNS;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.internal.db.tables.records.SwRunsRecord;
import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * The SQL of run rows ({@code sw_runs}): insert, find, lock, status transitions, and the
 * transactions every writer runs in. Step rows are {@link StepStore}'s; the queue's claim and
 * leases are {@link TaskQueue}'s.
 */
public final class RunStore {
  /** The statuses a run never leaves (short of a retry), as stored. */
  static final List<String> FINISHED_STATES =
      List.of(Status.SUCCEEDED.name(), Status.FAILED.name(), Status.CANCELLED.name());

  private final DSLContext dsl;

  public RunStore(DSLContext dsl) {
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

  /** Records where a forked run came from: {@code "<source run id>@<step>"}. */
  public void setForkedFrom(DSLContext tx, String runId, String forkedFrom) {
    tx.update(SW_RUNS).set(SW_RUNS.FORKED_FROM, forkedFrom).where(SW_RUNS.ID.eq(runId)).execute();
  }

  public void insertRun(DSLContext tx, RunRow run) {
    insertRun(tx, run, null);
  }

  /** Inserts the run with the context its observers asked to store ({@link RunContexts}). */
  public void insertRun(DSLContext tx, RunRow run, String context) {
    tx.insertInto(SW_RUNS)
        .set(SW_RUNS.ID, run.id())
        .set(SW_RUNS.WORKFLOW, run.workflow())
        .set(SW_RUNS.GRAPH_VERSION, run.graphVersion())
        .set(SW_RUNS.STATUS, run.status().name())
        .set(SW_RUNS.INPUT, run.input())
        .set(SW_RUNS.IDEMPOTENCY_KEY, run.idempotencyKey())
        .set(SW_RUNS.ROOT_ID, Ids.rootOf(run.id()))
        .set(SW_RUNS.CREATED_AT, SqlValues.odt(run.createdAt()))
        .set(SW_RUNS.UPDATED_AT, SqlValues.odt(run.updatedAt()))
        .set(SW_RUNS.VERSION, 0L)
        .set(SW_RUNS.RUN_CONTEXT, context)
        .execute();
  }

  public Optional<RunRow> findRun(String runId) {
    return dsl.selectFrom(SW_RUNS).where(SW_RUNS.ID.eq(runId)).fetchOptional(RunStore::run);
  }

  /** Locks the run row; every writer of a run's progress takes this lock before any step row. */
  public Optional<RunRow> lockRun(DSLContext tx, String runId) {
    return tx.selectFrom(SW_RUNS)
        .where(SW_RUNS.ID.eq(runId))
        .forUpdate()
        .fetchOptional(RunStore::run);
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
        .fetch(RunStore::run)
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
        .fetch(RunStore::run);
  }

  /**
   * A failed or cancelled run goes on again (a retry): RUNNING, its failure and finish cleared.
   * Returns false if the run was not failed or cancelled.
   */
  public boolean reopen(DSLContext tx, String runId, Instant now) {
    return tx.update(SW_RUNS)
            .set(SW_RUNS.STATUS, Status.RUNNING.name())
            .set(SW_RUNS.FAILED_STEP, (String) null)
            .set(SW_RUNS.ERROR_TYPE, (String) null)
            .set(SW_RUNS.ERROR_MESSAGE, (String) null)
            .set(SW_RUNS.ERROR_STACK, (String) null)
            .set(SW_RUNS.FINISHED_AT, (OffsetDateTime) null)
            .set(SW_RUNS.UPDATED_AT, SqlValues.odt(now))
            .set(SW_RUNS.VERSION, SW_RUNS.VERSION.plus(1L))
            .where(
                SW_RUNS
                    .ID
                    .eq(runId)
                    .and(SW_RUNS.STATUS.in(Status.FAILED.name(), Status.CANCELLED.name())))
            .execute()
        == 1;
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
        .set(SW_RUNS.UPDATED_AT, SqlValues.odt(now))
        .set(SW_RUNS.FINISHED_AT, status.isTerminal() ? SqlValues.odt(now) : null)
        .set(SW_RUNS.VERSION, SW_RUNS.VERSION.plus(DSL.inline(1L)))
        .where(SW_RUNS.ID.eq(runId));
  }

  private static Object[] runStatusBinds(String runId, Status status, Instant now) {
    return new Object[] {
      status.name(), SqlValues.odt(now), status.isTerminal() ? SqlValues.odt(now) : null, runId
    };
  }

  public void failRun(DSLContext tx, String runId, String stepId, StepError error, Instant now) {
    tx.update(SW_RUNS)
        .set(SW_RUNS.STATUS, Status.FAILED.name())
        .set(SW_RUNS.FAILED_STEP, stepId)
        .set(SW_RUNS.ERROR_TYPE, error.type())
        .set(SW_RUNS.ERROR_MESSAGE, error.message())
        .set(SW_RUNS.ERROR_STACK, error.stackTrace())
        .set(SW_RUNS.UPDATED_AT, SqlValues.odt(now))
        .set(SW_RUNS.FINISHED_AT, SqlValues.odt(now))
        .set(SW_RUNS.VERSION, SW_RUNS.VERSION.plus(1))
        .where(SW_RUNS.ID.eq(runId))
        .execute();
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
    ps.setObject(8, SqlValues.odt(run.createdAt()));
    ps.setObject(9, SqlValues.odt(run.updatedAt()));
    return 10;
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
        SqlValues.error(r.getErrorType(), r.getErrorMessage(), r.getErrorStack()),
        SqlValues.instant(r.getCreatedAt()),
        SqlValues.instant(r.getUpdatedAt()),
        SqlValues.instant(r.getFinishedAt()));
  }
}
