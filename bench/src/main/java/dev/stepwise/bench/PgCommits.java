package dev.stepwise.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Reads {@code pg_stat_database.xact_commit} of the benchmark's database. A backend reports its
 * counts to the shared statistics at most once a second, and an idle one up to ten seconds late,
 * but always when it exits: so the pool's connections are closed before each reading.
 */
public final class PgCommits {
  private final String url;
  private final String user;

  public PgCommits(String url, String user) {
    this.url = url;
    this.user = user;
  }

  /** Closes the pool's idle connections (flushing their statistics), then reads the counter. */
  public long read(CountingDataSource ds) {
    ds.getHikariPoolMXBean().softEvictConnections();
    sleep(400); // backends exiting, and the pool opening new ones (which commit nothing)
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read pg_stat_database", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
