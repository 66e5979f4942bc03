package dev.stepwise.runtime.internal.store.dialect;

import dev.stepwise.runtime.internal.model.Rows.NewStep;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.store.SqlValues;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The SQL phrases both chain writers send, written once so that the PostgreSQL statement and the
 * portable transaction cannot drift apart: recording a step as SUCCEEDED fenced on its lease, the
 * columns of a new step and their bindings, and moving a run to RUNNING or SUCCEEDED.
 */
final class ChainSql {
  private ChainSql() {}

  /** A step's SET list when it succeeded: its output, no error, no lease, finished now. */
  static final String STEP_SUCCEEDED_SET =
      " SET status = 'SUCCEEDED', output = ?, error_type = NULL, error_message = NULL,"
          + " error_stack = NULL, suspend_reason = NULL, resume_payload = NULL,"
          + " lease_owner = NULL, lease_until = NULL, finished_at = ?, version = version + 1";

  /** The step row as leased: run, step, lease owner and the version the lease was taken at. */
  static final String STEP_FENCED =
      " WHERE run_id = ? AND step_id = ? AND lease_owner = ? AND version = ?";

  /** The columns a new step row is inserted with, in the order the writers bind them. */
  static final String NEW_STEP_COLUMNS =
      " (run_id, step_id, workflow, status, attempts, not_before, lease_owner,"
          + " lease_until, started_at, queue, finished_at, version)";

  /** A run's SET list when it goes on running. */
  static final String RUN_RUNNING_SET =
      " SET status = 'RUNNING', updated_at = ?, version = version + 1";

  /**
   * Binds {@link #STEP_SUCCEEDED_SET} and {@link #STEP_FENCED} from parameter {@code i} on; returns
   * the next parameter's index.
   */
  static int bindSucceeded(
      PreparedStatement ps, int i, Task task, String owner, String output, Instant now)
      throws SQLException {
    ps.setString(i++, output);
    ps.setObject(i++, SqlValues.odt(now));
    ps.setString(i++, task.runId());
    ps.setString(i++, task.stepId());
    ps.setString(i++, owner);
    ps.setLong(i++, task.version());
    return i;
  }

  /**
   * Binds a new step's columns after {@code run_id}, from parameter {@code i} on, in the order of
   * {@link #NEW_STEP_COLUMNS} ({@code finished_at} only if {@code withFinishedAt}); {@code
   * not_before} is {@code now}. Returns the next parameter's index.
   */
  static int bindNewStep(
      PreparedStatement ps, int i, NewStep step, Instant now, boolean withFinishedAt)
      throws SQLException {
    ps.setString(i++, step.stepId());
    ps.setString(i++, step.workflow());
    ps.setString(i++, step.status().name());
    ps.setInt(i++, step.attempts());
    ps.setObject(i++, SqlValues.odt(now));
    ps.setString(i++, step.leaseOwner());
    ps.setObject(i++, SqlValues.odt(step.leaseUntil()));
    ps.setObject(i++, SqlValues.odt(step.startedAt()));
    ps.setString(i++, step.queue());
    if (withFinishedAt) {
      ps.setObject(i++, SqlValues.odt(step.finishedAt()));
    }
    ps.setLong(i++, step.version());
    return i;
  }

  /** A run's SET list when it succeeded. */
  static final String RUN_SUCCEEDED_SET =
      " SET status = 'SUCCEEDED', updated_at = ?, finished_at = ?, version = version + 1";
}
