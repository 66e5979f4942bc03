package dev.stepwise.runtime.internal.store.dialect;

import dev.stepwise.runtime.internal.store.SqlValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jooq.exception.DataAccessException;

/**
 * {@link ResumeWrites} on PostgreSQL as ONE auto-committed statement: the run lock, the step's
 * update and the run's are parts of one {@code WITH} query, which also returns, for a step leased
 * here, its lease and the outputs of the run's succeeded steps (the snapshot a claim would have
 * read). A resume costs one round trip and one commit. Plain JDBC, as {@link PgChainWrites}, for
 * the same reason: jOOQ's rendering cost more CPU than the statement.
 *
 * <p>No NOTIFY in it: a transaction that notifies holds PostgreSQL's one notification lock from its
 * commit until its WAL is flushed, so notifying commits run one at a time, each waiting for the
 * disk alone. With a NOTIFY in every resume, 16 callers resuming at once got 145-179 resumes/s
 * where one caller had got 718 (docs/performance.md). The engine's notifier announces the change
 * instead, many runs per statement ({@code PgNotifier}).
 *
 * <p>Why this is safe under READ COMMITTED: the run row is locked first ({@code FOR UPDATE}
 * re-reads the newest row version after waiting), and the step's update re-checks {@code status =
 * 'SUSPENDED'} on the newest row version, so of two concurrent resumes the second finds the step no
 * longer suspended and writes nothing. The one plain read, the succeeded steps' outputs, sees the
 * statement's snapshot: a suspended step's predecessors finished before it ran, so that snapshot
 * holds them.
 */
public final class PgResumeWrites implements ResumeWrites {
  private final DataSource dataSource;
  private final String sql;

  /**
   * @param schema the schema holding the tables, or null for the connection's search path
   */
  PgResumeWrites(DataSource dataSource, String schema) {
    this.dataSource = dataSource;
    String runs = schema == null ? "sw_runs" : schema + ".sw_runs";
    String steps = schema == null ? "sw_steps" : schema + ".sw_steps";
    this.sql =
        "WITH r AS (SELECT graph_version, input FROM "
            + runs
            + " WHERE id = ? AND workflow = coalesce(?, workflow) FOR UPDATE),"
            + " u AS (UPDATE "
            + steps
            + ResumeSql.STEP_SET
            + " AND EXISTS (SELECT 1 FROM r)"
            + " RETURNING workflow, status, attempts, version),"
            + " s AS (UPDATE "
            + runs
            + ResumeSql.RUN_SET
            + " WHERE id = ? AND EXISTS (SELECT 1 FROM u))"
            // Row 0: whether the run was found, the step as written, the run's graph version and
            // input.
            + " SELECT 0 AS part, (SELECT count(*) FROM r) AS found, u.workflow, u.status,"
            + " u.attempts, u.version, r.graph_version, r.input"
            + " FROM (SELECT 1) one LEFT JOIN r ON true LEFT JOIN u ON true"
            // Then, for a step leased here only, the outputs of the run's succeeded steps.
            + " UNION ALL SELECT 1, NULL, o.step_id, NULL, NULL, NULL, NULL, o.output FROM "
            + steps
            + " o WHERE o.run_id = ? AND o.status = 'SUCCEEDED'"
            + " AND EXISTS (SELECT 1 FROM u WHERE u.status = 'RUNNING')";
  }

  @Override
  public Result resume(Request r) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      c.setAutoCommit(true);
      int i = 1;
      ps.setString(i++, r.runId());
      ps.setString(i++, r.workflow());
      i = ResumeSql.bindStep(ps, i, r);
      ps.setObject(i++, SqlValues.odt(r.now()));
      ps.setString(i++, r.runId());
      ps.setString(i, r.runId());
      boolean found = false;
      String workflow = null;
      String status = null;
      int attempts = 0;
      long version = 0;
      String graphVersion = null;
      String input = null;
      Map<String, String> outputs = new HashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getInt(1) == 0) {
            found = rs.getLong(2) > 0;
            workflow = rs.getString(3);
            status = rs.getString(4);
            attempts = rs.getInt(5);
            version = rs.getLong(6);
            graphVersion = rs.getString(7);
            input = rs.getString(8);
          } else {
            outputs.put(rs.getString(3), rs.getString(8));
          }
        }
      }
      if (!found) {
        return Result.NO_RUN;
      }
      if (status == null) {
        return Result.NOT_SUSPENDED;
      }
      if (!"RUNNING".equals(status)) {
        return Result.QUEUED;
      }
      return new Result(
          Kind.LEASED,
          ResumeSql.task(r, workflow, attempts, version, graphVersion, input, outputs));
    } catch (SQLException e) {
      throw new DataAccessException(
          "Resuming step " + r.stepId() + " of run " + r.runId() + " failed", e);
    }
  }
}
