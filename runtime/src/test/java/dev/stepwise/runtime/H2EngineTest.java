package dev.stepwise.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The engine contract on an H2 file database, the embedded default. */
class H2EngineTest extends EngineContract {
  private static HikariDataSource dataSource;
  private static Path dir;

  @BeforeAll
  static void open() throws IOException {
    // A fresh database file per run, so nothing a crashed earlier run left can interfere.
    dir = Files.createTempDirectory(Path.of("target"), "h2-contract-").toAbsolutePath();
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl("jdbc:h2:file:" + dir.resolve("db") + ";LOCK_TIMEOUT=10000");
    c.setUsername("sa");
    c.setMaximumPoolSize(24);
    dataSource = new HikariDataSource(c);
  }

  @AfterAll
  static void close() throws IOException {
    dataSource.close();
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
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
