package dev.stepwise.runtime.internal.store;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a database that could not carry a statement out right now (connection lost, server
 * restarting, a deadlock or serialization victim, the pool out of connections) from a statement
 * that is wrong. The first kind is never a step's failure: the engine tries the work again.
 */
public final class DatabaseFailures {
  // SQLSTATE class 08: connection exceptions; 57P0x: the server is shutting down or starting up.
  private static final Set<String> TRANSIENT_STATES =
      Set.of(
          "40001", // serialization failure (also H2's deadlock)
          "40P01", // PostgreSQL: deadlock detected
          "55P03", // PostgreSQL: lock not available
          "53300", // PostgreSQL: too many connections
          "57P01", // PostgreSQL: admin shutdown
          "57P02", // PostgreSQL: crash shutdown
          "57P03", // PostgreSQL: cannot connect now
          "HYT00"); // H2: lock timeout

  // H2's states (and codes) for a connection whose database is gone: DATABASE_IS_CLOSED,
  // CONNECTION_BROKEN_1, DATABASE_CALLED_AT_SHUTDOWN.
  private static final Set<String> H2_CLOSED_STATES = Set.of("90098", "90067", "90121");

  private DatabaseFailures() {}

  /** Whether {@code t}, or an exception that caused it, says the database is unavailable. */
  public static boolean isTransient(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SQLTransientException || c instanceof SQLRecoverableException) {
        return true;
      }
      if (c instanceof SQLException sql && isTransientState(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code t}, or an exception that caused it, is a lock wait that timed out (PostgreSQL's
   * {@code lock_timeout}): another transaction holds the row, the database is fine.
   */
  public static boolean isLockTimeout(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code e} says that H2 closed the database under its connection. */
  public static boolean isClosedH2(SQLException e) {
    return H2_CLOSED_STATES.contains(e.getSQLState());
  }

  private static boolean isTransientState(String state) {
    return state != null
        && (state.startsWith("08")
            || TRANSIENT_STATES.contains(state)
            || H2_CLOSED_STATES.contains(state));
  }
}
