package dev.stepwise.runtime.internal.store;

import static dev.stepwise.testing.DatabaseKind.H2;

import dev.stepwise.testing.StepwiseDatabase;

/** The retention deletes on an H2 file database, where steps go with their run's cascading key. */
@StepwiseDatabase(H2)
class H2RetentionRowsTest extends RetentionRowsContract {
  @Override
  protected String series(int n) {
    return "SYSTEM_RANGE(1, " + n + ")"; // its column is X, which x resolves to unquoted
  }
}
