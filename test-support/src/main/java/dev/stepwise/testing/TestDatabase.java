package dev.stepwise.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A database for one test class: a fresh H2 file, or the PostgreSQL named by the system properties
 * {@code stepwise.pgUrl} and {@code stepwise.pgUser}. Tests isolate themselves in a random schema
 * each ({@link #randomSchema}) and drop it afterwards ({@link #dropSchema}).
 */
public final class TestDatabase implements AutoCloseable {
  /** Enough connections for several engines of one test plus the test's own reads. */
  private static final int POOL_SIZE = 24;

  public static final String PG_URL =
      System.getProperty("stepwise.pgUrl", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String PG_USER = System.getProperty("stepwise.pgUser", "postgres");

  private final HikariDataSource dataSource;
  private final RuntimeException unreachable;
  private final Path dir;

  private TestDatabase(HikariDataSource dataSource, RuntimeException unreachable, Path dir) {
    this.dataSource = dataSource;
    this.unreachable = unreachable;
    this.dir = dir;
  }

  /** A fresh H2 file database under {@code target/}, so nothing an earlier run left interferes. */
  public static TestDatabase h2File(String prefix) {
    try {
      Path dir = Files.createTempDirectory(Path.of("target"), prefix).toAbsolutePath();
      String url = "jdbc:h2:file:" + dir.resolve("db") + ";LOCK_TIMEOUT=10000";
      return new TestDatabase(pool(url, "sa"), null, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The test PostgreSQL. An unreachable one is not an error here: {@link #require} reports it per
   * test, so each test shows as skipped (or failed, when PostgreSQL is required).
   */
  public static TestDatabase postgres() {
    try {
      return new TestDatabase(pool(PG_URL, PG_USER), null, null);
    } catch (RuntimeException e) {
      return new TestDatabase(null, e, null);
    }
  }

  private static HikariDataSource pool(String url, String user) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(url);
    c.setUsername(user);
    c.setMaximumPoolSize(POOL_SIZE);
    c.setConnectionTimeout(5000);
    return new HikariDataSource(c);
  }

  /**
   * Skips the calling test when the database is unreachable, or fails it when the system property
   * {@code stepwise.requirePostgres} is true (as in CI).
   */
  public void require() {
    if (unreachable == null) {
      return;
    }
    if (Boolean.getBoolean("stepwise.requirePostgres")) {
      fail(
          "PostgreSQL is required (stepwise.requirePostgres=true) but "
              + PG_URL
              + " is unreachable: "
              + unreachable);
    }
    assumeTrue(
        false, "PostgreSQL unreachable at " + PG_URL + "; skipped: " + unreachable.getMessage());
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** A schema name no other test uses, like {@code sw_3f2a9c1b7d04}. */
  public static String randomSchema(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** Drops {@code schema} and everything in it. */
  public static void dropSchema(DataSource dataSource, String schema) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + schema.toUpperCase(Locale.ROOT) + " CASCADE");
    }
  }

  /** Closes the pool and deletes an H2 database's files. */
  @Override
  public void close() throws IOException {
    if (dataSource != null) {
      dataSource.close();
    }
    if (dir != null) {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
