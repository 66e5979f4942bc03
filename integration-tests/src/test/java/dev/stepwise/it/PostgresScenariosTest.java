package dev.stepwise.it;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.stepwise.runtime.Stepwise;
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
  static final String URL =
      System.getProperty("stepwise.pgUrl", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String USER = System.getProperty("stepwise.pgUser", "postgres");
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

  @AfterAll
  static void close() {
    if (dataSource != null) {
      dataSource.close();
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

  @Override
  protected DataSource dataSource() {
    return dataSource;
  }

  @Override
  public List<String> childDatabase(Path dbDir) {
    return List.of("pg", URL, USER, schema);
  }

  @Override
  public Stepwise.Builder afterKill(Path dbDir) {
    return Stepwise.builder().dataSource(dataSource).schema(schema);
  }

  @Override
  public String childSchema() {
    return schema;
  }
}
