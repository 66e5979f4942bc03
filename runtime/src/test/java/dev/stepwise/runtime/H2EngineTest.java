package dev.stepwise.runtime;

import dev.stepwise.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The engine contract on an H2 file database, the embedded default. */
class H2EngineTest extends EngineContract {
  private static TestDatabase db;

  @BeforeAll
  static void open() {
    db = TestDatabase.h2File("h2-contract-");
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
  protected List<String> killChildDatabase(Path dbDir) {
    // The child owns the file database while it lives (H2 locks it); this JVM opens it after the
    // kill, which is also what a restarted application does.
    return List.of("h2", dbDir.toString());
  }

  @Override
  protected Stepwise.Builder restartAfterKill(Path dbDir) {
    return Stepwise.builder().embedded(dbDir);
  }
}
