package dev.stepwise.runtime.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.testing.TestDatabase;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The queue contract on an H2 file database (the two-statement claim). */
class H2TaskQueueTest extends TaskQueueContract {
  private static TestDatabase db;

  @BeforeAll
  static void open() {
    db = TestDatabase.h2File("h2-queue-");
  }

  @AfterAll
  static void close() throws IOException {
    db.close();
  }

  @Override
  protected DataSource dataSource() {
    return db.dataSource();
  }

  /** H2 has no partial indexes: V7 keeps one status index, which the sweeper and timer share. */
  @Test
  void stepsHaveTheClaimIndexAndTheirKeyOnly() {
    List<String> indexes =
        dsl.fetch(
                "SELECT index_name FROM information_schema.indexes"
                    + " WHERE table_schema = ? AND table_name = 'SW_STEPS'",
                schema.toUpperCase(Locale.ROOT))
            .getValues(0, String.class);

    assertThat(indexes)
        .anyMatch(name -> name.equalsIgnoreCase("sw_steps_claim_ix"))
        .noneMatch(name -> name.equalsIgnoreCase("sw_steps_lease_ix"))
        .noneMatch(name -> name.equalsIgnoreCase("sw_steps_wait_ix"));
  }
}
