package dev.stepwise.runtime.internal.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;

/** Creates the connection pools the engine owns (and therefore closes). */
public final class DataSources {
  private DataSources() {}

  /** A pool on an H2 file database in {@code dir}. */
  public static HikariDataSource h2File(Path dir, int size) {
    // LOCK_TIMEOUT: a completion may wait for the run row while another node commits.
    // WRITE_DELAY=0: each commit is in the file before it returns, so it survives a killed JVM
    // (see Database). Database sets it too, but H2 takes the url's value whenever it (re)opens
    // the file, as it does if the pool ever closes all its connections.
    String url =
        "jdbc:h2:file:"
            + dir.toAbsolutePath().resolve("stepwise")
            + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0";
    return pool(url, "sa", "", size);
  }

  /** A pool on any JDBC url. */
  public static HikariDataSource pool(String url, String user, String password, int size) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(url);
    c.setUsername(user);
    c.setPassword(password);
    c.setMaximumPoolSize(size);
    c.setPoolName("stepwise");
    return new HikariDataSource(c);
  }
}
