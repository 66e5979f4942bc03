package dev.stepwise.runtime.internal;

import dev.stepwise.testing.TestDatabase;
import java.io.IOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The queue contract on an H2 file database (the two-statement claim). */
class H2TaskQueueTest extends TaskQueueContract {
  private static TestDatabase db;

  @BeforeAll
  static void open() {
    db = TestDatabase.h2File("h2-queue-");
  }

  @AfterAll
  static void close() throws IOException {
    db.close();
  }

  @Override
  protected DataSource dataSource() {
    return db.dataSource();
  }
}
