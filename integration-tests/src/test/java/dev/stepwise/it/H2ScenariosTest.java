package dev.stepwise.it;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.stepwise.runtime.Stepwise;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Every scenario on an H2 file database, the embedded default. */
class H2ScenariosTest extends ScenarioSuite implements AllScenarios {
  private static HikariDataSource dataSource;
  private static Path dir;

  @BeforeAll
  static void open() throws IOException {
    // A fresh database file per run, so nothing an earlier crashed run left can interfere.
    dir = Files.createTempDirectory(Path.of("target"), "h2-scenarios-").toAbsolutePath();
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
