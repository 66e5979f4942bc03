package dev.stepwise.runtime.internal;

import dev.stepwise.testing.TestDatabase;
import java.io.IOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The queue contract on PostgreSQL (the one-statement claim). Skipped when PostgreSQL is
 * unreachable, unless {@code stepwise.requirePostgres=true}.
 */
class PostgresTaskQueueTest extends TaskQueueContract {
  private static TestDatabase db;

  @BeforeAll
  static void connect() {
    db = TestDatabase.postgres();
  }

  @AfterAll
  static void close() throws IOException {
    db.close();
  }

  @Override
  protected void requireDatabase() {
    db.require();
  }

  @Override
  protected DataSource dataSource() {
    return db.dataSource();
  }
}
