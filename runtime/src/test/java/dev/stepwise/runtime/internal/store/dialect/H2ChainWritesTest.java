package dev.stepwise.runtime.internal.store.dialect;

import dev.stepwise.testing.TestDatabase;
import java.io.IOException;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The chain writes on an H2 file database: statements in one transaction. */
class H2ChainWritesTest extends ChainWritesContract {
  private static TestDatabase db;

  @BeforeAll
  static void open() {
    db = TestDatabase.h2File("h2-chain-");
  }

  @AfterAll
  static void close() throws IOException {
    db.close();
  }

  @Override
  protected DataSource dataSource() {
    return db.dataSource();
  }

  @Override
  protected ChainWrites writes(DataSource dataSource, DSLContext dsl, String schema) {
    return new PortableChainWrites(dataSource, dsl);
  }
}
