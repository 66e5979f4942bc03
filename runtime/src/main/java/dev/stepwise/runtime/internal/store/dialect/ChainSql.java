package dev.stepwise.runtime.internal.store.dialect;

/**
 * The SQL phrases both chain writers send, written once so that the PostgreSQL statement and the
 * portable transaction cannot drift apart: recording a step as SUCCEEDED fenced on its lease, the
 * columns of a new step, and moving a run to RUNNING or SUCCEEDED.
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
          + " lease_until, started_at, finished_at, version)";

  /** A run's SET list when it goes on running. */
  static final String RUN_RUNNING_SET =
      " SET status = 'RUNNING', updated_at = ?, version = version + 1";

  /** A run's SET list when it succeeded. */
  static final String RUN_SUCCEEDED_SET =
      " SET status = 'SUCCEEDED', updated_at = ?, finished_at = ?, version = version + 1";
}
