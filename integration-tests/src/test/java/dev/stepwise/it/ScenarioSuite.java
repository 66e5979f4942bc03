package dev.stepwise.it;

import dev.stepwise.runtime.Stepwise;
import dev.stepwise.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every scenario test needs: a fresh schema with a random name per test, dropped afterwards,
 * and engines on it that are closed after the test. A subclass per database supplies the DataSource
 * and implements the scenario interfaces ({@code SequencingScenarios}, ...), whose default
 * {@code @Test} methods are the scenarios: so each scenario is written once and runs on every
 * database.
 */
public abstract class ScenarioSuite implements Scenario {
  protected String schema;
  private final List<Stepwise> engines = new ArrayList<>();

  /** The database under test. */
  protected abstract DataSource dataSource();

  /** Aborts (skips) or fails the test when the database is not available. */
  protected void requireDatabase() {}

  @BeforeEach
  void createSchema() {
    requireDatabase();
    schema = TestDatabase.randomSchema("it_");
  }

  @AfterEach
  void dropSchema() throws Exception {
    if (schema == null) {
      return; // the database was not available
    }
    for (int i = engines.size() - 1; i >= 0; i--) {
      engines.get(i).close();
    }
    engines.clear();
    TestDatabase.dropSchema(dataSource(), schema);
  }

  @Override
  public Stepwise engine(Consumer<Stepwise.Builder> settings) {
    Stepwise.Builder b =
        Stepwise.builder()
            .dataSource(dataSource())
            .schema(schema)
            .workers(4)
            .pollInterval(Duration.ofMillis(100))
            .shutdownTimeout(Duration.ofSeconds(2));
    settings.accept(b);
    Stepwise e = b.build();
    engines.add(e);
    return e;
  }

  @Override
  public String schema() {
    return schema;
  }

  @Override
  public DataSource database() {
    return dataSource();
  }
}
