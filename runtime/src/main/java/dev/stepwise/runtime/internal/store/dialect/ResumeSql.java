package dev.stepwise.runtime.internal.store.dialect;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.internal.model.Rows.Snapshot;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.store.SqlValues;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * The SQL phrases both resume writers send, written once so that the PostgreSQL statement and the
 * portable transaction cannot drift apart.
 */
final class ResumeSql {
  private ResumeSql() {}

  /**
   * The suspended step's update. Leased here ({@code ?} true) it becomes RUNNING as a claim would
   * write it (owner, lease, one attempt more, started now); otherwise, or if it waits for a queue,
   * PENDING and due now, for the claims. The payload is stored either way; every transition bumps
   * the version the lease is fenced on.
   */
  static final String STEP_SET =
      " SET status = CASE WHEN CAST(? AS BOOLEAN) AND queue IS NULL THEN 'RUNNING'"
          + " ELSE 'PENDING' END,"
          + " lease_owner = CASE WHEN CAST(? AS BOOLEAN) AND queue IS NULL"
          + " THEN CAST(? AS VARCHAR(200)) END,"
          + " lease_until = CASE WHEN CAST(? AS BOOLEAN) AND queue IS NULL"
          + " THEN CAST(? AS TIMESTAMP WITH TIME ZONE) END,"
          + " attempts = CASE WHEN CAST(? AS BOOLEAN) AND queue IS NULL"
          + " THEN attempts + 1 ELSE attempts END,"
          + " started_at = CASE WHEN CAST(? AS BOOLEAN) AND queue IS NULL"
          + " THEN CAST(? AS TIMESTAMP WITH TIME ZONE) ELSE started_at END,"
          + " resume_payload = ?, not_before = ?, finished_at = NULL, version = version + 1"
          + " WHERE run_id = ? AND step_id = ? AND status = 'SUSPENDED'";

  /** The run's update: RUNNING again (a run with a suspended step is SUSPENDED or RUNNING). */
  static final String RUN_SET =
      " SET status = 'RUNNING', updated_at = ?, finished_at = NULL, version = version + 1";

  /** Binds {@link #STEP_SET} from parameter {@code i} on; returns the next parameter's index. */
  static int bindStep(PreparedStatement ps, int i, ResumeWrites.Request r) throws SQLException {
    boolean here = r.leases();
    ps.setBoolean(i++, here);
    ps.setBoolean(i++, here);
    ps.setString(i++, r.owner());
    ps.setBoolean(i++, here);
    ps.setObject(i++, here ? SqlValues.odt(r.now().plus(r.lease())) : null);
    ps.setBoolean(i++, here);
    ps.setBoolean(i++, here);
    ps.setObject(i++, SqlValues.odt(r.now()));
    ps.setString(i++, r.payload());
    ps.setObject(i++, SqlValues.odt(r.now()));
    ps.setString(i++, r.runId());
    ps.setString(i++, r.stepId());
    return i;
  }

  /** The leased step as a task: the run is RUNNING from this write on. */
  static Task task(
      ResumeWrites.Request r,
      String workflow,
      int attempts,
      long version,
      String graphVersion,
      String input,
      Map<String, String> outputs) {
    Snapshot snapshot = new Snapshot(graphVersion, Status.RUNNING, input, outputs);
    return new Task(r.runId(), r.stepId(), workflow, attempts, version, r.payload(), snapshot);
  }
}
