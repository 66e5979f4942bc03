package dev.stepwise.chaos;

import dev.stepwise.chaos.SlotCheck.SlotRow;
import dev.stepwise.chaos.flow.Ledger;
import dev.stepwise.chaos.flow.Slots;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The soak's own reads of the database: plain JDBC, one connection per call, so that a restart of
 * the server between two calls costs nothing but the failed call.
 */
final class SoakDb {
  private static final String TERMINAL = "('SUCCEEDED', 'FAILED', 'CANCELLED')";

  private final String url;

  SoakDb(String url) {
    // A down server refuses at once; a hung one must not hang the soak.
    this.url = url + "?connectTimeout=5&socketTimeout=60";
  }

  /** A run as stored. */
  record RunRow(
      String id,
      String workflow,
      String status,
      String failedStep,
      String errorType,
      String errorMessage,
      Instant created,
      Instant finished) {}

  /** A step as stored (also the task): its status and how often it was claimed. */
  record StepRow(String runId, String stepId, String status, int attempts) {}

  /**
   * Everything the verdict is drawn from, read after the drain.
   *
   * @param slots the executions of the queue-limited steps, as they recorded themselves
   * @param at when it was read
   */
  record Snapshot(
      Map<String, RunRow> runs,
      Map<String, Integer> writes,
      List<StepRow> steps,
      List<SlotRow> slots,
      Instant at) {}

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, PgCluster.USER, "");
  }

  void createLedger() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(Ledger.createTable());
      s.execute(Slots.createTable());
    }
  }

  /** The soak's finished runs, or -1 when the database cannot say now. */
  int finished() {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT count(*) FROM sw_runs WHERE id LIKE 'soak-%' AND status IN " + TERMINAL)) {
      r.next();
      return r.getInt(1);
    } catch (SQLException e) {
      return -1;
    }
  }

  Snapshot snapshot() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      Map<String, RunRow> runs = new LinkedHashMap<>();
      try (ResultSet r =
          s.executeQuery(
              "SELECT id, workflow, status, failed_step, error_type, error_message, created_at,"
                  + " finished_at FROM sw_runs ORDER BY id")) {
        while (r.next()) {
          runs.put(
              r.getString(1),
              new RunRow(
                  r.getString(1),
                  r.getString(2),
                  r.getString(3),
                  r.getString(4),
                  r.getString(5),
                  r.getString(6),
                  instant(r.getTimestamp(7)),
                  instant(r.getTimestamp(8))));
        }
      }
      Map<String, Integer> writes = new HashMap<>();
      try (ResultSet r =
          s.executeQuery("SELECT run_id, count(*) FROM " + Ledger.TABLE + " GROUP BY run_id")) {
        while (r.next()) {
          writes.put(r.getString(1), r.getInt(2));
        }
      }
      List<StepRow> steps = new ArrayList<>();
      try (ResultSet r = s.executeQuery("SELECT run_id, step_id, status, attempts FROM sw_steps")) {
        while (r.next()) {
          steps.add(new StepRow(r.getString(1), r.getString(2), r.getString(3), r.getInt(4)));
        }
      }
      List<SlotRow> slots = new ArrayList<>();
      try (ResultSet r =
          s.executeQuery(
              "SELECT run_id, step_id, attempt, node, started_at, ended_at FROM "
                  + Slots.TABLE
                  + " ORDER BY started_at")) {
        while (r.next()) {
          slots.add(
              new SlotRow(
                  r.getString(1),
                  r.getString(2),
                  r.getInt(3),
                  r.getString(4),
                  instant(r.getTimestamp(5)),
                  instant(r.getTimestamp(6))));
        }
      }
      return new Snapshot(runs, writes, steps, slots, Instant.now());
    }
  }

  /**
   * The stored errors of up to {@code limit} failed or cancelled runs, stack traces included: the
   * engine records a step's final failure in the database, not in its log.
   */
  String failures(int limit) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT r.id, r.status, r.failed_step, s.attempts, r.error_type, r.error_message,"
                    + " r.error_stack FROM sw_runs r LEFT JOIN sw_steps s ON s.run_id = r.id AND"
                    + " s.step_id = r.failed_step WHERE r.status IN ('FAILED', 'CANCELLED')"
                    + " ORDER BY r.id LIMIT ?")) {
      s.setInt(1, limit);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.append(
                  String.format(
                      "run %s %s at step %s (attempts %d): %s: %s%n",
                      r.getString(1),
                      r.getString(2),
                      r.getString(3),
                      r.getInt(4),
                      r.getString(5),
                      r.getString(6)))
              .append(r.getString(7) == null ? "" : r.getString(7).strip())
              .append("\n\n");
        }
      }
    }
    return out.toString();
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
