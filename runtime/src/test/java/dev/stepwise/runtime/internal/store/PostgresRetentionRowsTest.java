package dev.stepwise.runtime.internal.store;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;

import dev.stepwise.testing.StepwiseDatabase;

/**
 * The retention deletes on PostgreSQL, where steps go with their run through V8's trigger. Skipped
 * when PostgreSQL is unreachable, unless {@code stepwise.requirePostgres=true}.
 */
@StepwiseDatabase(POSTGRES)
class PostgresRetentionRowsTest extends RetentionRowsContract {
  @Override
  protected String series(int n) {
    return "generate_series(1, " + n + ") AS x";
  }
}
