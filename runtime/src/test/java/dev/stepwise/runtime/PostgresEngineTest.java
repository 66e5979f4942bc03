package dev.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.flows.KillFlow;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The engine contract on PostgreSQL. Skipped when PostgreSQL is unreachable, unless {@code
 * stepwise.requirePostgres=true}: then unreachable PostgreSQL fails the build.
 */
class PostgresEngineTest extends EngineContract {
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
  protected List<String> killChildDatabase(Path dbDir) {
    return List.of("pg", TestDatabase.PG_URL, TestDatabase.PG_USER, schema);
  }

  @Override
  protected Stepwise.Builder restartAfterKill(Path dbDir) {
    return Stepwise.builder().dataSource(db.dataSource()).schema(schema);
  }

  @Override
  protected void whileChildRuns(String runId) {
    // PostgreSQL can be read while the child lives: step one is committed, step two is leased.
    Stepwise observer = engine(); // never started
    WorkflowClient client =
        observer.register(new KillFlow.Definition(new KillFlow(Path.of("."), false)));
    RunStatus s = client.status(runId);
    assertThat(s.step("one").orElseThrow().status()).isEqualTo(Status.SUCCEEDED);
    assertThat(s.step("two").orElseThrow().status()).isEqualTo(Status.RUNNING);
    assertThat(s.step("two").orElseThrow().attempts()).isEqualTo(1);
  }
}
