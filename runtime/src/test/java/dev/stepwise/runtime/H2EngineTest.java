package dev.stepwise.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The engine contract on an H2 file database, the embedded default. */
class H2EngineTest extends EngineContract {
  private static HikariDataSource dataSource;

  @BeforeAll
  static void open() {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(
        "jdbc:h2:file:"
            + Path.of("target", "h2-contract", "db").toAbsolutePath()
            + ";LOCK_TIMEOUT=10000");
    c.setUsername("sa");
    c.setMaximumPoolSize(24);
    dataSource = new HikariDataSource(c);
  }

  @AfterAll
  static void close() {
    dataSource.close();
  }

  @Override
  protected DataSource dataSource() {
    return dataSource;
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
