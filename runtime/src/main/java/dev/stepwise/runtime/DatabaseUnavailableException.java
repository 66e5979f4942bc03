package dev.stepwise.runtime;

/**
 * The database did not answer within the engine's database timeout (see {@code
 * Stepwise.Builder#databaseTimeout}): it is down, restarting or out of reach. Nothing was done that
 * the caller must undo; the call can be tried again once the database is back.
 */
public class DatabaseUnavailableException extends StepwiseException {
  private static final long serialVersionUID = 1L;

  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
