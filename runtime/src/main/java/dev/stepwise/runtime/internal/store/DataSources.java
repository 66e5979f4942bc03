package dev.stepwise.runtime.internal.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;

/** Creates the connection pools the engine owns (and therefore closes). */
public final class DataSources {
  private DataSources() {}

  /** A pool on an H2 file database in {@code dir}. */
  public static HikariDataSource h2File(Path dir, int size, Duration timeout) {
    // LOCK_TIMEOUT: a completion may wait for the run row while another node commits.
    // WRITE_DELAY=0: each commit is in the file before it returns, so it survives a killed JVM
    // (see Database). Database sets it too, but H2 takes the url's value whenever it (re)opens
    // the file, as it does if the pool ever closes all its connections.
    String url =
        "jdbc:h2:file:"
            + dir.toAbsolutePath().resolve("stepwise")
            + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0";
    return pool(url, "sa", "", size, timeout);
  }

  /**
   * A pool on any JDBC url.
   *
   * @param timeout how long a caller waits for a connection, and PostgreSQL's connect timeout
   */
  public static HikariDataSource pool(
      String url, String user, String password, int size, Duration timeout) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(url);
    c.setUsername(user);
    c.setPassword(password);
    c.setMaximumPoolSize(size);
    c.setPoolName("stepwise");
    c.setConnectionTimeout(timeout.toMillis());
    // Hikari wants the validation of a borrowed connection to take less than the wait for one.
    c.setValidationTimeout(Math.max(250, timeout.toMillis() / 2));
    if (url.startsWith("jdbc:postgresql:")) {
      // Seconds; without it a connection attempt to an unreachable host waits for the OS.
      c.addDataSourceProperty("connectTimeout", Math.max(1, timeout.toSeconds()));
    }
    return new HikariDataSource(c);
  }
}
