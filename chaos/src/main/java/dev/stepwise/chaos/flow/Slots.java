package dev.stepwise.chaos.flow;

import dev.stepwise.runtime.StepContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The soak's own record of the executions of the queue-limited steps: one row per execution, its
 * start written (autocommit, plain JDBC, not the engine's connection) before the step holds its
 * slot and its end after, so that the soak can compute, across processes, how many executions were
 * inside the limited section at any instant. An execution whose JVM was killed never gets its end;
 * the soak knows when it killed which JVM.
 *
 * <p>Both writes are retried until the database takes them (a restart or an outage may cut them
 * off): the start is the time of the write that succeeded, so the section begins after it; the end
 * is the time the section ended, taken before its first try, so a late write changes nothing.
 */
public final class Slots {
  public static final String TABLE = "soak_slots";

  /** How long a write is retried before the step gives up (longer than any planned outage). */
  private static final Duration WRITE_BOUND = Duration.ofMinutes(5);

  private final String url;
  private final String user;
  private final String node;

  /**
   * @param url the soak database's JDBC URL
   * @param node the worker JVM's node id (its name and pid), matched to the soak's kill times
   */
  public Slots(String url, String user, String node) {
    this.url = url + (url.contains("?") ? "&" : "?") + "connectTimeout=5&socketTimeout=30";
    this.user = user;
    this.node = node;
  }

  public static String createTable() {
    return "CREATE TABLE "
        + TABLE
        + " (id UUID PRIMARY KEY, run_id VARCHAR(128) NOT NULL, step_id VARCHAR(128) NOT NULL,"
        + " attempt INTEGER NOT NULL, node VARCHAR(200) NOT NULL,"
        + " started_at TIMESTAMP WITH TIME ZONE NOT NULL, ended_at TIMESTAMP WITH TIME ZONE)";
  }

  /** Records the start, holds the slot for {@code millis}, records the end (also on a throw). */
  void hold(StepContext ctx, int millis) {
    UUID id = UUID.randomUUID();
    // ON CONFLICT: an insert whose commit went through before its answer was lost is retried;
    // the later start is the honest one, since the section had not begun then.
    write(
        "INSERT INTO "
            + TABLE
            + " (id, run_id, step_id, attempt, node, started_at) VALUES (?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET started_at = EXCLUDED.started_at",
        s -> {
          s.setObject(1, id);
          s.setString(2, ctx.runId());
          s.setString(3, ctx.stepId());
          s.setInt(4, ctx.attempt());
          s.setString(5, node);
          s.setTimestamp(6, Timestamp.from(Instant.now()));
        });
    try {
      Work.pause(millis);
    } finally {
      Timestamp end = Timestamp.from(Instant.now());
      write(
          "UPDATE " + TABLE + " SET ended_at = ? WHERE id = ?",
          s -> {
            s.setTimestamp(1, end);
            s.setObject(2, id);
          });
    }
  }

  private interface Binder {
    void bind(PreparedStatement s) throws SQLException;
  }

  private void write(String sql, Binder binder) {
    Instant bound = Instant.now().plus(WRITE_BOUND);
    while (true) {
      try (Connection c = DriverManager.getConnection(url, user, "");
          PreparedStatement s = c.prepareStatement(sql)) {
        binder.bind(s);
        s.executeUpdate();
        return;
      } catch (SQLException e) {
        if (Instant.now().isAfter(bound)) {
          throw new IllegalStateException("cannot record a slot in " + TABLE, e);
        }
        Work.pause(200);
      }
    }
  }
}
