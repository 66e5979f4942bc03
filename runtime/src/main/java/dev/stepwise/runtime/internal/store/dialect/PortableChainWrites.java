package dev.stepwise.runtime.internal.store.dialect;

import static dev.stepwise.runtime.internal.db.Tables.SW_RUNS;
import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;
import static dev.stepwise.runtime.internal.store.SqlValues.odt;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.Rows.NewStep;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.model.Rows.StepRow;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.store.RunReads;
import dev.stepwise.runtime.internal.store.RunStore;
import dev.stepwise.runtime.internal.store.StepStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * {@link ChainWrites} as a few statements in one transaction, in SQL any database runs (H2 in
 * particular, which has no data-modifying {@code WITH}): lock the run, record the step fenced on
 * its lease, then insert the next step or finish the run. Plain JDBC on SQL rendered once, like
 * {@link PgChainWrites}: on H2, where a statement costs no round trip, building, binding and
 * mapping them through jOOQ took more of the caller's CPU than H2 spent executing and committing
 * them (docs/performance.md).
 */
public final class PortableChainWrites implements ChainWrites {
  private final DataSource dataSource;
  private final String insertRunSql;
  private final String insertStepSql;
  private final String lockRunSql;
  private final String recordSql;
  private final String runningSql;
  private final String succeededSql;
  private final String stepsSql;
  private final String familySql;

  /**
   * @param dsl renders the tables as the engine's other statements name them (in its schema)
   */
  PortableChainWrites(DataSource dataSource, DSLContext dsl) {
    this.dataSource = dataSource;
    String runs = dsl.render(SW_RUNS);
    String steps = dsl.render(SW_STEPS);
    this.insertRunSql =
        "INSERT INTO "
            + runs
            + " ("
            + RunStore.NEW_RUN_COLUMNS
            + ", version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";
    this.insertStepSql =
        "INSERT INTO "
            + steps
            + ChainSql.NEW_STEP_COLUMNS
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    this.lockRunSql =
        "SELECT " + RunReads.RUN_COLUMNS + " FROM " + runs + " WHERE id = ? FOR UPDATE";
    this.recordSql = "UPDATE " + steps + ChainSql.STEP_SUCCEEDED_SET + ChainSql.STEP_FENCED;
    this.runningSql = "UPDATE " + runs + ChainSql.RUN_RUNNING_SET + " WHERE id = ?";
    this.succeededSql = "UPDATE " + runs + ChainSql.RUN_SUCCEEDED_SET + " WHERE id = ?";
    this.stepsSql = "SELECT " + RunReads.STEP_COLUMNS + " FROM " + steps + " WHERE run_id = ?";
    // Whether the run's family has other runs: only then are child runs looked up.
    this.familySql = "SELECT 1 FROM " + runs + " WHERE root_id = ? FETCH FIRST 1 ROWS ONLY";
  }

  @Override
  public boolean finishAnnounces() {
    return false;
  }

  @Override
  public void start(RunRow run, NewStep root, Instant now) {
    inTransaction(
        "Storing run " + run.id(),
        c -> {
          try (PreparedStatement ps = c.prepareStatement(insertRunSql)) {
            RunStore.bindNewRun(ps, run);
            ps.executeUpdate();
          }
          insertStep(c, root, now);
          return null;
        });
  }

  @Override
  public Result advance(Task task, String owner, String output, NewStep next, Instant now) {
    return inTransaction(
        "Recording step " + task.stepId() + " of run " + task.runId(),
        c -> {
          RunRow run = record(c, task, owner, output, now);
          if (run == null) {
            return Result.LEASE_LOST;
          }
          if (run.status().isTerminal()) {
            return Result.RUN_OVER;
          }
          insertStep(c, next, now);
          if (run.status() != Status.RUNNING) {
            try (PreparedStatement ps = c.prepareStatement(runningSql)) {
              ps.setObject(1, odt(now));
              ps.setString(2, task.runId());
              ps.executeUpdate();
            }
          }
          return Result.ADVANCED;
        });
  }

  @Override
  public Result finish(Task task, String owner, String output, Instant now) {
    return inTransaction(
        "Recording step " + task.stepId() + " of run " + task.runId(),
        c -> {
          RunRow run = record(c, task, owner, output, now);
          if (run == null) {
            return Result.LEASE_LOST;
          }
          if (run.status().isTerminal()) {
            return Result.RUN_OVER;
          }
          try (PreparedStatement ps = c.prepareStatement(succeededSql)) {
            ps.setObject(1, odt(now));
            ps.setObject(2, odt(now));
            ps.setString(3, task.runId());
            ps.executeUpdate();
          }
          List<StepRow> steps = steps(c, task.runId());
          // The run's update time is the step's finish time as the database stored it: the same
          // instant was written to both.
          Instant at =
              steps.stream()
                  .filter(s -> s.stepId().equals(task.stepId()))
                  .map(StepRow::finishedAt)
                  .findFirst()
                  .orElseThrow();
          return new Result(Kind.FINISHED, run.succeededAt(at), steps, hasFamily(c, task.runId()));
        });
  }

  /** Locks the run and records the step; null if the run is gone or the lease lost. */
  private RunRow record(Connection c, Task task, String owner, String output, Instant now)
      throws SQLException {
    RunRow run = lockRun(c, task.runId());
    if (run == null) {
      return null;
    }
    try (PreparedStatement ps = c.prepareStatement(recordSql)) {
      ChainSql.bindSucceeded(ps, 1, task, owner, output, now);
      return StepStore.checkOne(ps.executeUpdate(), task) == 1 ? run : null;
    }
  }

  private RunRow lockRun(Connection c, String runId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(lockRunSql)) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? RunReads.run(rs) : null;
      }
    }
  }

  private void insertStep(Connection c, NewStep s, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(insertStepSql)) {
      ps.setString(1, s.runId());
      ChainSql.bindNewStep(ps, 2, s, now, true);
      ps.executeUpdate();
    }
  }

  private List<StepRow> steps(Connection c, String runId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(stepsSql)) {
      ps.setString(1, runId);
      List<StepRow> steps = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          steps.add(RunReads.step(rs));
        }
      }
      return steps;
    }
  }

  private boolean hasFamily(Connection c, String runId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(familySql)) {
      ps.setString(1, Ids.familyOf(runId));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Work on one connection inside a transaction. */
  private interface Work<T> {
    T on(Connection c) throws SQLException;
  }

  private <T> T inTransaction(String what, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.on(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new DataAccessException(what + " failed", e);
    }
  }
}
