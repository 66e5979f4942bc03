package dev.stepwise.validation;

import dev.stepwise.runtime.Stepwise;
import dev.stepwise.testing.TestSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the contracts of this module that need a database share: an engine on the test's own schema
 * (H2 or PostgreSQL, chosen by the subclass's {@code @StepwiseDatabase}), closed after the test,
 * and plain SQL reads of what the engine stored, so a test sees the stored text itself.
 */
abstract class EngineOnDatabase {
  static final Duration WAIT = Duration.ofSeconds(30);

  protected TestSchema database;
  protected Stepwise engine;

  @BeforeEach
  void openEngine(TestSchema testSchema) {
    database = testSchema;
    engine =
        Stepwise.builder()
            .dataSource(testSchema.dataSource())
            .schema(testSchema.name())
            .workers(2)
            .pollInterval(Duration.ofMillis(50))
            .shutdownTimeout(Duration.ofSeconds(2))
            .build();
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  /** The number of rows of the runs, steps and events tables, in that order. */
  protected long[] rowCounts() {
    long[] counts = new long[3];
    String[] tables = {"sw_runs", "sw_steps", "sw_events"};
    try (Connection c = database.dataSource().getConnection();
        Statement st = c.createStatement()) {
      for (int i = 0; i < tables.length; i++) {
        try (ResultSet rs =
            st.executeQuery("SELECT COUNT(*) FROM " + database.name() + "." + tables[i])) {
          rs.next();
          counts[i] = rs.getLong(1);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return counts;
  }

  /** The input JSON stored for the run, as the database returns it; null if there is no run. */
  protected String storedInput(String runId) {
    List<String> found =
        strings("SELECT input FROM " + database.name() + ".sw_runs WHERE id = ?", runId);
    return found.isEmpty() ? null : found.get(0);
  }

  /** The output JSON stored for one step of a run, as the database returns it. */
  protected String storedOutput(String runId, String stepId) {
    List<String> found =
        strings(
            "SELECT output FROM " + database.name() + ".sw_steps WHERE run_id = ? AND step_id = ?",
            runId,
            stepId);
    return found.isEmpty() ? null : found.get(0);
  }

  /** One step's row as text (status, attempts, version, resume payload), to see it unchanged. */
  protected String stepRow(String runId, String stepId) {
    List<String> found =
        strings(
            "SELECT status || '/' || attempts || '/' || version || '/' ||"
                + " COALESCE(resume_payload, '-') FROM "
                + database.name()
                + ".sw_steps WHERE run_id = ? AND step_id = ?",
            runId,
            stepId);
    return found.isEmpty() ? null : found.get(0);
  }

  private List<String> strings(String sql, String... args) {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        st.setString(i + 1, args[i]);
      }
      List<String> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
