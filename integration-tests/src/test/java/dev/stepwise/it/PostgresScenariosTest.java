package dev.stepwise.it;

import dev.stepwise.runtime.Stepwise;
import dev.stepwise.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every scenario on PostgreSQL. Skipped when PostgreSQL is unreachable, unless {@code
 * stepwise.requirePostgres=true}: then an unreachable PostgreSQL fails the build.
 */
class PostgresScenariosTest extends ScenarioSuite implements AllScenarios {
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
  public List<String> childDatabase(Path dbDir) {
    return List.of("pg", TestDatabase.PG_URL, TestDatabase.PG_USER, schema);
  }

  @Override
  public Stepwise.Builder afterKill(Path dbDir) {
    return Stepwise.builder().dataSource(db.dataSource()).schema(schema);
  }

  @Override
  public String childSchema() {
    return schema;
  }
}
