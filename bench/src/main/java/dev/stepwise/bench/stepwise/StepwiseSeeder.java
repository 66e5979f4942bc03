package dev.stepwise.bench.stepwise;

import dev.stepwise.bench.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Fills Stepwise's tables with finished runs in bulk, without running them. */
final class StepwiseSeeder {
  private StepwiseSeeder() {}

  /** Adds {@code count} succeeded sequential runs, three succeeded steps each. */
  static void seed(DataSource ds, int count) {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      String series = Sql.series(c, count);
      s.execute(
          "INSERT INTO sw_runs (id, workflow, graph_version, status, input, created_at,"
              + " updated_at, finished_at, version)"
              + " SELECT 'seed-' || x, 'bench-sequential', 'seed', 'SUCCEEDED', '\"in\"',"
              + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1 FROM "
              + series);
      for (String step : new String[] {"one", "two", "three"}) {
        s.execute(
            "INSERT INTO sw_steps (run_id, step_id, workflow, status, attempts, not_before,"
                + " output, started_at, finished_at, version)"
                + " SELECT 'seed-' || x, '"
                + step
                + "', 'bench-sequential', 'SUCCEEDED', 1, CURRENT_TIMESTAMP, '\"out\"',"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1 FROM "
                + series);
      }
      Sql.analyze(c, "sw_runs", "sw_steps");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot seed Stepwise's tables", e);
    }
  }
}
