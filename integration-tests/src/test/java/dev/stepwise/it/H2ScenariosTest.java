package dev.stepwise.it;

import dev.stepwise.runtime.Stepwise;
import dev.stepwise.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Every scenario on an H2 file database, the embedded default. */
class H2ScenariosTest extends ScenarioSuite implements AllScenarios {
  private static TestDatabase db;

  @BeforeAll
  static void open() {
    db = TestDatabase.h2File("h2-scenarios-");
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
  public List<String> childDatabase(Path dbDir) {
    // The child owns its own file database while it lives; this JVM opens it after the kill.
    return List.of("h2", dbDir.toString());
  }

  @Override
  public Stepwise.Builder afterKill(Path dbDir) {
    return Stepwise.builder().embedded(dbDir);
  }

  @Override
  public String childSchema() {
    return null;
  }
}
