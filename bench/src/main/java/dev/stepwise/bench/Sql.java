package dev.stepwise.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The few SQL phrases that differ between PostgreSQL and H2 in the harness's own statements. */
public final class Sql {
  private Sql() {}

  /** True on PostgreSQL, false on H2. */
  public static boolean isPostgres(Connection c) throws SQLException {
    return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
  }

  /** A row source of the integers 1..count in a column named {@code x}. */
  public static String series(Connection c, int count) throws SQLException {
    return isPostgres(c)
        ? "generate_series(1, " + count + ") AS x"
        // H2 names the column X; unquoted, x resolves to it.
        : "SYSTEM_RANGE(1, " + count + ")";
  }

  /** Refreshes the planner's statistics after a bulk load. */
  public static void analyze(Connection c, String... tables) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String t : tables) {
        s.execute(isPostgres(c) ? "ANALYZE " + t : "ANALYZE TABLE " + t);
      }
    }
  }
}
