package dev.stepwise.runtime.internal.store.dialect;

import static dev.stepwise.runtime.internal.db.Tables.SW_RUNS;
import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;

import dev.stepwise.runtime.internal.store.SqlValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * {@link ResumeWrites} as a few statements in one transaction, in SQL any database runs (H2 in
 * particular, which has no data-modifying {@code WITH}): lock the run, update the step, set the run
 * RUNNING, and for a step leased here read its lease and the run's succeeded outputs back. Plain
 * JDBC on SQL rendered once, like {@link PortableChainWrites}.
 */
public final class PortableResumeWrites implements ResumeWrites {
  private final DataSource dataSource;
  private final String lockRunSql;
  private final String stepSql;
  private final String runSql;
  private final String readBackSql;

  /**
   * @param dsl renders the tables as the engine's other statements name them (in its schema)
   */
  PortableResumeWrites(DataSource dataSource, DSLContext dsl) {
    this.dataSource = dataSource;
    String runs = dsl.render(SW_RUNS);
    String steps = dsl.render(SW_STEPS);
    this.lockRunSql =
        "SELECT workflow, graph_version, input FROM " + runs + " WHERE id = ? FOR UPDATE";
    this.stepSql = "UPDATE " + steps + ResumeSql.STEP_SET;
    this.runSql = "UPDATE " + runs + ResumeSql.RUN_SET + " WHERE id = ?";
    // The resumed step (as this transaction wrote it) and the succeeded ones (their outputs).
    this.readBackSql =
        "SELECT step_id, status, output, attempts, version, workflow FROM "
            + steps
            + " WHERE run_id = ? AND (step_id = ? OR status = 'SUCCEEDED')";
  }

  @Override
  public Result resume(Request r) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Result result = resume(c, r);
        if (result.kind() == Kind.NO_RUN || result.kind() == Kind.NOT_SUSPENDED) {
          c.rollback(); // nothing was written; this only gives the run's lock back
        } else {
          c.commit();
        }
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new DataAccessException(
          "Resuming step " + r.stepId() + " of run " + r.runId() + " failed", e);
    }
  }

  private Result resume(Connection c, Request r) throws SQLException {
    String graphVersion;
    String input;
    try (PreparedStatement ps = c.prepareStatement(lockRunSql)) {
      ps.setString(1, r.runId());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || (r.workflow() != null && !r.workflow().equals(rs.getString(1)))) {
          return Result.NO_RUN;
        }
        graphVersion = rs.getString(2);
        input = rs.getString(3);
      }
    }
    try (PreparedStatement ps = c.prepareStatement(stepSql)) {
      ResumeSql.bindStep(ps, 1, r);
      if (ps.executeUpdate() == 0) {
        return Result.NOT_SUSPENDED;
      }
    }
    try (PreparedStatement ps = c.prepareStatement(runSql)) {
      ps.setObject(1, SqlValues.odt(r.now()));
      ps.setString(2, r.runId());
      ps.executeUpdate();
    }
    if (!r.leases()) {
      return Result.QUEUED;
    }
    return readBack(c, r, graphVersion, input);
  }

  /** The step as leased (or left PENDING, if it waits for a queue) with the run's outputs. */
  private Result readBack(Connection c, Request r, String graphVersion, String input)
      throws SQLException {
    Map<String, String> outputs = new HashMap<>();
    String status = null;
    String workflow = null;
    int attempts = 0;
    long version = 0;
    try (PreparedStatement ps = c.prepareStatement(readBackSql)) {
      ps.setString(1, r.runId());
      ps.setString(2, r.stepId());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getString(1).equals(r.stepId())) {
            status = rs.getString(2);
            attempts = rs.getInt(4);
            version = rs.getLong(5);
            workflow = rs.getString(6);
          } else {
            outputs.put(rs.getString(1), rs.getString(3));
          }
        }
      }
    }
    if (!"RUNNING".equals(status)) {
      return Result.QUEUED;
    }
    return new Result(
        Kind.LEASED, ResumeSql.task(r, workflow, attempts, version, graphVersion, input, outputs));
  }
}
