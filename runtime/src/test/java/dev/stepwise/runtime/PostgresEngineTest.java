package dev.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.stepwise.runtime.flows.KillFlow;
import dev.stepwise.runtime.spi.WorkflowClient;
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
  private static final String URL =
      System.getProperty("stepwise.pgUrl", "jdbc:postgresql://127.0.0.1:5432/test");
  private static final String USER = System.getProperty("stepwise.pgUser", "postgres");
  private static HikariDataSource dataSource;

  private static RuntimeException unreachable;

  @BeforeAll
  static void connect() {
    try {
      HikariConfig c = new HikariConfig();
      c.setJdbcUrl(URL);
      c.setUsername(USER);
      c.setMaximumPoolSize(24);
      c.setConnectionTimeout(5000);
      dataSource = new HikariDataSource(c);
    } catch (RuntimeException e) {
      unreachable = e; // reported per test, so each shows as skipped (or failed)
    }
  }

  @Override
  protected void requireDatabase() {
    if (unreachable == null) {
      return;
    }
    if (Boolean.getBoolean("stepwise.requirePostgres")) {
      fail(
          "PostgreSQL is required (stepwise.requirePostgres=true) but "
              + URL
              + " is unreachable: "
              + unreachable);
    }
    assumeTrue(
        false, "PostgreSQL unreachable at " + URL + "; skipped: " + unreachable.getMessage());
  }

  @AfterAll
  static void close() {
    if (dataSource != null) {
      dataSource.close();
    }
  }

  @Override
  protected DataSource dataSource() {
    return dataSource;
  }

  @Override
  protected List<String> killChildDatabase(Path dbDir) {
    return List.of("pg", URL, USER, schema);
  }

  @Override
  protected Stepwise.Builder restartAfterKill(Path dbDir) {
    return Stepwise.builder().dataSource(dataSource).schema(schema);
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
