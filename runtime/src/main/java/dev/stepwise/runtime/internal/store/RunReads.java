package dev.stepwise.runtime.internal.store;

import static dev.stepwise.runtime.internal.db.Tables.SW_RUNS;
import static dev.stepwise.runtime.internal.db.Tables.SW_STEPS;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.model.Rows.StepRow;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Reads a run for its status in ONE statement: the run row, its step rows and whether it has a
 * family of child runs (only then are their steps looked up), instead of a statement for each.
 * Every await and status read runs it, so it is plain JDBC on SQL rendered once: mapping the joined
 * rows through jOOQ records cost the thread awaiting a batch of runs more CPU than anything else it
 * did (docs/performance.md). The SQL is portable (H2 and PostgreSQL).
 */
public final class RunReads {
  /** A run's columns in the order {@link #run(ResultSet)} maps them. */
  public static final String RUN_COLUMNS =
      "id, workflow, graph_version, status, input, idempotency_key, failed_step, error_type,"
          + " error_message, error_stack, created_at, updated_at, finished_at";

  /** A step's columns in the order {@link #step(ResultSet)} maps them. */
  public static final String STEP_COLUMNS =
      "run_id, step_id, status, attempts, output, error_type, error_message, error_stack,"
          + " suspend_reason, resume_payload, started_at, finished_at";

  private final DSLContext dsl;
  private final String sql;

  public RunReads(DSLContext dsl) {
    this.dsl = dsl;
    // The tables as jOOQ renders them: in the configured schema.
    String runs = dsl.render(SW_RUNS);
    String steps = dsl.render(SW_STEPS);
    this.sql =
        "SELECT r.id, r.workflow, r.graph_version, r.status, r.input, r.idempotency_key,"
            + " r.failed_step, r.error_type, r.error_message, r.error_stack, r.created_at,"
            + " r.updated_at, r.finished_at,"
            + " s.step_id, s.status, s.attempts, s.output, s.error_type, s.error_message,"
            + " s.error_stack, s.suspend_reason, s.resume_payload, s.started_at, s.finished_at,"
            + " EXISTS (SELECT 1 FROM "
            + runs
            + " f WHERE f.root_id = ?)"
            + " FROM "
            + runs
            + " r LEFT JOIN "
            + steps
            + " s ON s.run_id = r.id WHERE r.id = ?";
  }

  /**
   * A run as read.
   *
   * @param mayHaveChildren false only if the run is known to have no child runs
   */
  public record Read(RunRow run, List<StepRow> steps, boolean mayHaveChildren) {}

  public Optional<Read> read(String runId) {
    return dsl.connectionResult(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, Ids.familyOf(runId));
            ps.setString(2, runId);
            try (ResultSet rs = ps.executeQuery()) {
              return read(rs);
            }
          }
        });
  }

  private static Optional<Read> read(ResultSet rs) throws SQLException {
    RunRow run = null;
    boolean family = false;
    List<StepRow> steps = new ArrayList<>();
    while (rs.next()) {
      if (run == null) {
        run = run(rs);
        family = rs.getBoolean(25);
      }
      String stepId = rs.getString(14);
      if (stepId != null) {
        steps.add(
            new StepRow(
                run.id(),
                stepId,
                Status.valueOf(rs.getString(15)),
                rs.getInt(16),
                rs.getString(17),
                error(rs, 18),
                rs.getString(21),
                rs.getString(22),
                instant(rs, 23),
                instant(rs, 24)));
      }
    }
    return run == null ? Optional.empty() : Optional.of(new Read(run, steps, family));
  }

  /** The columns of {@link #RUN_COLUMNS}, from the first on, as a run. */
  public static RunRow run(ResultSet rs) throws SQLException {
    return new RunRow(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        Status.valueOf(rs.getString(4)),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        error(rs, 8),
        instant(rs, 11),
        instant(rs, 12),
        instant(rs, 13));
  }

  /** The columns of {@link #STEP_COLUMNS}, from the first on, as a step. */
  public static StepRow step(ResultSet rs) throws SQLException {
    return new StepRow(
        rs.getString(1),
        rs.getString(2),
        Status.valueOf(rs.getString(3)),
        rs.getInt(4),
        rs.getString(5),
        error(rs, 6),
        rs.getString(9),
        rs.getString(10),
        instant(rs, 11),
        instant(rs, 12));
  }

  /** The error in columns type, message, stack from {@code first} on; null without a type. */
  static StepError error(ResultSet rs, int first) throws SQLException {
    String type = rs.getString(first);
    return type == null
        ? null
        : new StepError(type, rs.getString(first + 1), rs.getString(first + 2));
  }

  public static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
