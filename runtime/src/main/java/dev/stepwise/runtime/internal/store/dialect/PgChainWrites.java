package dev.stepwise.runtime.internal.store.dialect;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.Rows.NewStep;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.model.Rows.StepRow;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.store.RunReads;
import dev.stepwise.runtime.internal.store.RunStore;
import dev.stepwise.runtime.internal.store.SqlValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.exception.DataAccessException;

/**
 * {@link ChainWrites} on PostgreSQL as ONE auto-committed statement each. A run and its root are
 * inserted together; for a step, the run lock, the fenced step update and the insert of the next
 * step (or the run's final update) are data-modifying parts of one {@code WITH} query, so a step of
 * a chain costs one round trip and one commit, as a hand-written insert of its output would.
 * Written as plain JDBC because it runs once per step and jOOQ's rendering cost more CPU than the
 * database spent on it (docs/performance.md).
 *
 * <p>Why this is safe under READ COMMITTED: the run row is locked ({@code FOR UPDATE} re-reads the
 * newest row version after waiting), and the updates re-check their conditions on the newest row
 * versions, so a cancel committed meanwhile is seen. The one plain read, the other steps of a
 * finishing run, sees the statement's snapshot: in a chain those steps finished before this step
 * was leased, so that snapshot already holds them.
 */
public final class PgChainWrites implements ChainWrites {
  private static final String TERMINAL = "('SUCCEEDED', 'FAILED', 'CANCELLED')";
  private static final String STEP_COLUMNS = RunReads.STEP_COLUMNS;

  private final DataSource dataSource;
  private final String channel;
  private final String nodeId;
  private final String startSql;
  private final String advanceSql;
  private final String finishSql;

  /**
   * @param schema the schema holding the tables, or null for the connection's search path
   */
  PgChainWrites(DataSource dataSource, String schema, String nodeId) {
    this.dataSource = dataSource;
    this.channel = PgNotifier.channel(schema);
    this.nodeId = nodeId;
    String runs = qualified(schema, "sw_runs");
    String steps = qualified(schema, "sw_steps");
    String lockAndRecord =
        "WITH r AS (SELECT status FROM "
            + runs
            + " WHERE id = ? FOR UPDATE),"
            + " u AS (UPDATE "
            + steps
            + ChainSql.STEP_SUCCEEDED_SET
            + ChainSql.STEP_FENCED
            + " AND EXISTS (SELECT 1 FROM r)"
            + " RETURNING "
            + STEP_COLUMNS
            + ")";
    this.startSql =
        "WITH r AS (INSERT INTO "
            + runs
            + " ("
            + RunStore.NEW_RUN_COLUMNS
            + ", version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)"
            + " RETURNING id)"
            + " INSERT INTO "
            + steps
            + ChainSql.NEW_STEP_COLUMNS
            + " SELECT r.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM r";
    this.advanceSql =
        lockAndRecord
            + ", i AS (INSERT INTO "
            + steps
            + " (run_id, step_id, workflow, status, attempts, not_before, lease_owner,"
            + " lease_until, started_at, queue, version)"
            + " SELECT u.run_id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM u, r"
            + " WHERE r.status NOT IN "
            + TERMINAL
            + " RETURNING run_id),"
            + " s AS (UPDATE "
            + runs
            + ChainSql.RUN_RUNNING_SET
            + " WHERE id = ? AND status <> 'RUNNING' AND EXISTS (SELECT 1 FROM i))"
            + " SELECT (SELECT count(*) FROM u), (SELECT count(*) FROM i)";
    this.finishSql =
        lockAndRecord
            + ", s AS (UPDATE "
            + runs
            + ChainSql.RUN_SUCCEEDED_SET
            + " WHERE id = ? AND status NOT IN "
            + TERMINAL
            + " AND EXISTS (SELECT 1 FROM u)"
            + " RETURNING id, workflow, graph_version, input, idempotency_key, created_at,"
            + " updated_at)"
            // The recorded step, then (only if the run finished) its other steps, each row with
            // the finished run's columns.
            + " SELECT u.*, s.*, f.family, n.notified FROM u LEFT JOIN s ON true"
            // Whether the run's family has other runs: only then are child runs looked up.
            + " CROSS JOIN (SELECT EXISTS (SELECT 1 FROM "
            + runs
            + " WHERE root_id = ?) AS family) f"
            // Other nodes hear of the finished run at this commit (PgNotifier's channel and
            // payload), instead of in a statement of their own.
            + " LEFT JOIN (SELECT true AS notified, pg_notify(?, ? || ' ' || s.id) FROM s) n"
            + " ON true"
            + " UNION ALL SELECT o.*, s.*, true, true FROM (SELECT "
            + STEP_COLUMNS
            + " FROM "
            + steps
            + " WHERE run_id = ? AND step_id <> ?) o JOIN s ON true";
  }

  private static String qualified(String schema, String table) {
    return schema == null ? table : schema + "." + table;
  }

  @Override
  public boolean finishAnnounces() {
    return true;
  }

  @Override
  public void start(RunRow run, NewStep root, Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(startSql)) {
      c.setAutoCommit(true);
      RunStore.bindNewRun(ps, run);
      ChainSql.bindNewStep(ps, 10, root, now, true);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new DataAccessException("Storing run " + run.id() + " failed", e);
    }
  }

  @Override
  public Result advance(Task task, String owner, String output, NewStep next, Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(advanceSql)) {
      c.setAutoCommit(true);
      int i = bindLockAndRecord(ps, task, owner, output, now);
      // The next step has not finished: the insert names no finished_at.
      i = ChainSql.bindNewStep(ps, i, next, now, false);
      ps.setObject(i++, SqlValues.odt(now));
      ps.setString(i, task.runId());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getLong(1) == 0) {
          return Result.LEASE_LOST;
        }
        return rs.getLong(2) == 0 ? Result.RUN_OVER : Result.ADVANCED;
      }
    } catch (SQLException e) {
      throw new DataAccessException("Recording step " + task.stepId() + " failed", e);
    }
  }

  @Override
  public Result finish(Task task, String owner, String output, Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(finishSql)) {
      c.setAutoCommit(true);
      int i = bindLockAndRecord(ps, task, owner, output, now);
      ps.setObject(i++, SqlValues.odt(now));
      ps.setObject(i++, SqlValues.odt(now));
      ps.setString(i++, task.runId());
      ps.setString(i++, Ids.familyOf(task.runId()));
      ps.setString(i++, channel);
      ps.setString(i++, nodeId);
      ps.setString(i++, task.runId());
      ps.setString(i, task.stepId());
      List<StepRow> steps = new ArrayList<>();
      RunRow run = null;
      boolean family = false;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          steps.add(RunReads.step(rs));
          if (run == null && rs.getString(13) != null) {
            run = run(rs);
            family = rs.getBoolean(20);
          }
        }
      }
      if (steps.isEmpty()) {
        return Result.LEASE_LOST;
      }
      return run == null ? Result.RUN_OVER : new Result(Kind.FINISHED, run, steps, family);
    } catch (SQLException e) {
      throw new DataAccessException("Recording step " + task.stepId() + " failed", e);
    }
  }

  private static int bindLockAndRecord(
      PreparedStatement ps, Task task, String owner, String output, Instant now)
      throws SQLException {
    ps.setString(1, task.runId());
    return ChainSql.bindSucceeded(ps, 2, task, owner, output, now);
  }

  private static RunRow run(ResultSet rs) throws SQLException {
    return new RunRow(
        rs.getString(13),
        rs.getString(14),
        rs.getString(15),
        Status.SUCCEEDED,
        rs.getString(16),
        rs.getString(17),
        null,
        null,
        RunReads.instant(rs, 18),
        RunReads.instant(rs, 19),
        RunReads.instant(rs, 19));
  }
}
