package dev.stepwise.bench;

import java.io.IOException;
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

  /**
   * VACUUM (ANALYZE) of the whole benchmark database, as a maintained database would be after a
   * bulk load: without it autovacuum processes the seeded tables at some point during the following
   * measurements (this contestant's (e), or the next contestant's rounds) and takes a core.
   */
  public void vacuumAnalyze() {
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement()) {
      s.execute("VACUUM (ANALYZE)");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot vacuum the benchmark database", e);
    }
  }

  /**
   * Drops a contestant's schema once it has been measured, so that its tables (a million seeded
   * runs after (e)) give autovacuum nothing to do while the next contestant is measured.
   */
  public void dropSchema(String schema) {
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot drop schema " + schema, e);
    }
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

  /**
   * CPU time, in milliseconds, that the server processes of the benchmark's database have used so
   * far (user + system, from /proc; the pool's connections stay open during a timed round, so the
   * difference of two readings is what that round cost the server). -1 when /proc is not readable,
   * that is when PostgreSQL runs on another machine.
   */
  public long serverCpuMillis() {
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND backend_type = 'client backend'"
                    + " AND pid <> pg_backend_pid()")) {
      long ticks = 0;
      while (rs.next()) {
        ticks += ProcStat.processTicks(rs.getInt(1));
      }
      return ticks * 1000 / ProcStat.TICKS_PER_SECOND;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read pg_stat_activity", e);
    } catch (IOException e) {
      return -1;
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
