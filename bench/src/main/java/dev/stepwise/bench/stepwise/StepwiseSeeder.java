package dev.stepwise.bench.stepwise;

import dev.stepwise.bench.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Fills Stepwise's tables with finished runs in bulk, without running them. */
final class StepwiseSeeder {
  private StepwiseSeeder() {}

  /** The id prefix of the runs {@link #seedOld} adds. */
  static final String OLD = "old-";

  /** Adds {@code count} succeeded sequential runs, three succeeded steps each. */
  static void seed(DataSource ds, int count) {
    seed(ds, count, "seed-", 0);
  }

  /** As {@link #seed}, the runs (ids {@link #OLD}n) finished {@code ageDays} days ago. */
  static void seedOld(DataSource ds, int count, int ageDays) {
    seed(ds, count, OLD, ageDays);
  }

  /** How many runs {@link #seedOld} added are left. */
  static long countOld(DataSource ds) {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT COUNT(*) FROM sw_runs WHERE id LIKE '" + OLD + "%'")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot count Stepwise's old runs", e);
    }
  }

  private static void seed(DataSource ds, int count, String prefix, int ageDays) {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      String series = Sql.series(c, count);
      String finished = "CURRENT_TIMESTAMP - INTERVAL '" + ageDays + "' DAY";
      s.execute(
          "INSERT INTO sw_runs (id, workflow, graph_version, status, input, created_at,"
              + " updated_at, finished_at, version)"
              + " SELECT '"
              + prefix
              + "' || x, 'bench-sequential', 'seed', 'SUCCEEDED', '\"in\"', "
              + finished
              + ", "
              + finished
              + ", "
              + finished
              + ", 1 FROM "
              + series);
      for (String step : new String[] {"one", "two", "three"}) {
        s.execute(
            "INSERT INTO sw_steps (run_id, step_id, workflow, status, attempts, not_before,"
                + " output, started_at, finished_at, version)"
                + " SELECT '"
                + prefix
                + "' || x, '"
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
