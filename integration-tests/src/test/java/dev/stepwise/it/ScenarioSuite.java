package dev.stepwise.it;

import dev.stepwise.runtime.Stepwise;
import dev.stepwise.testing.StepwiseDatabase;
import dev.stepwise.testing.TestSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every scenario test needs: a fresh schema with a random name per test, dropped afterwards,
 * and engines on it that are closed after the test. A subclass per database names it with {@link
 * StepwiseDatabase} and implements the scenario interfaces ({@code SequencingScenarios}, ...),
 * whose default {@code @Test} methods are the scenarios: so each scenario is written once and runs
 * on every database.
 */
public abstract class ScenarioSuite implements Scenario {
  private TestSchema testSchema;
  protected String schema;
  private final List<Stepwise> engines = new ArrayList<>();

  @BeforeEach
  void useSchema(TestSchema testSchema) {
    this.testSchema = testSchema;
    schema = testSchema.name();
  }

  /** Closes the test's engines; the extension then drops the schema. */
  @AfterEach
  void closeEngines() {
    for (int i = engines.size() - 1; i >= 0; i--) {
      engines.get(i).close();
    }
    engines.clear();
  }

  @Override
  public Stepwise engine(Consumer<Stepwise.Builder> settings) {
    Stepwise.Builder b =
        Stepwise.builder()
            .dataSource(database())
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
    return testSchema.dataSource();
  }

  @Override
  public List<String> childDatabase(Path dir) {
    return testSchema.childArguments(dir);
  }

  @Override
  public Stepwise.Builder afterKill(Path dir) {
    // The child owned its own H2 file while it lived; this JVM opens it after the kill.
    return switch (testSchema.kind()) {
      case H2 -> Stepwise.builder().embedded(dir);
      case POSTGRES -> Stepwise.builder().dataSource(database()).schema(schema);
    };
  }

  @Override
  public String childSchema() {
    return switch (testSchema.kind()) {
      case H2 -> null;
      case POSTGRES -> schema;
    };
  }
}
