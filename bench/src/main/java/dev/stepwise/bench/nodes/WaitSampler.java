package dev.stepwise.bench.nodes;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples, every {@code periodMillis} on a thread and connection of its own, the state and wait
 * event of the benchmark database's client backends that are running a statement or idle in a
 * transaction ({@link WaitTally}). Its own queries cost the server CPU, so it runs in a pass of its
 * own, not in the timed one.
 */
final class WaitSampler implements AutoCloseable {
  /**
   * A backend waits for at most one heavyweight lock: its ungranted row of pg_locks says which (for
   * "Lock:object", whether it is the notification queue's lock on database 0, which a transaction
   * that sent a NOTIFY holds from its commit through its WAL flush).
   */
  private static final String SAMPLE =
      "SELECT a.state, a.wait_event_type, a.wait_event,"
          + " l.locktype || ' ' || l.mode || coalesce(' on ' || l.classid::regclass::text"
          + " || ' ' || l.objid, '')"
          + " FROM pg_stat_activity a LEFT JOIN pg_locks l ON l.pid = a.pid AND NOT l.granted"
          + " WHERE a.datname = current_database() AND a.backend_type = 'client backend'"
          + " AND a.pid <> pg_backend_pid() AND a.state IN ('active', 'idle in transaction')";

  private final WaitTally tally = new WaitTally();
  private final Connection connection;
  private final long periodMillis;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile RuntimeException failure;

  WaitSampler(String url, String user, long periodMillis) throws SQLException {
    this.connection = DriverManager.getConnection(url, user, "");
    this.periodMillis = periodMillis;
    this.thread = new Thread(this::loop, "bench-wait-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    try (PreparedStatement s = connection.prepareStatement(SAMPLE)) {
      long next = System.nanoTime();
      while (running) {
        List<WaitTally.Backend> backends = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            backends.add(
                new WaitTally.Backend(
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
          }
        }
        tally.sample(backends);
        next += periodMillis * 1_000_000;
        long wait = next - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
      }
    } catch (SQLException e) {
      failure = new IllegalStateException("Cannot sample pg_stat_activity", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops sampling and returns what the samples saw. */
  WaitTally stop() {
    running = false;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw failure;
    }
    return tally;
  }

  @Override
  public void close() throws SQLException {
    running = false;
    connection.close();
  }
}
