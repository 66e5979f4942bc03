package dev.stepwise.runtime.internal.store.dialect;

import dev.stepwise.testing.TestDatabase;
import java.io.IOException;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The chain writes on PostgreSQL: one statement each. Skipped when PostgreSQL is unreachable,
 * unless {@code stepwise.requirePostgres=true}.
 */
class PostgresChainWritesTest extends ChainWritesContract {
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

  @Override
  protected ChainWrites writes(DataSource dataSource, DSLContext dsl, String schema) {
    return new PgChainWrites(dataSource, schema, NODE);
  }
}
