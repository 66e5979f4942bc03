package dev.stepwise.runtime.internal.store.dialect;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.testing.StepwiseDatabase;
import dev.stepwise.testing.TestSchema;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * LISTEN/NOTIFY between two nodes on PostgreSQL: what one announces, the other hears, and a node
 * does not hear itself. Skipped without PostgreSQL unless {@code stepwise.requirePostgres=true}.
 */
@StepwiseDatabase(POSTGRES)
class PgNotifierTest {

  @Test
  void aChangeAnnouncedByOneNodeIsHeardByTheOther(TestSchema database) throws Exception {
    // The schema only names the channel: the notifier needs no table.
    String schema = database.name();
    List<String> heardByB = new CopyOnWriteArrayList<>();
    List<String> heardByA = new CopyOnWriteArrayList<>();
    try (PgNotifier a = new PgNotifier(database.dataSource(), schema, "a", heardByA::add);
        PgNotifier b = new PgNotifier(database.dataSource(), schema, "b", heardByB::add)) {
      a.listen();
      b.listen();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      // Re-announce until heard: B's LISTEN may not be registered the first time.
      while (!heardByB.contains("run-1") && System.nanoTime() < deadline) {
        a.announce("run-1");
        TimeUnit.MILLISECONDS.sleep(50); // the test's polling interval, not an assertion
      }
      assertThat(heardByB).contains("run-1");
      assertThat(heardByA).doesNotContain("run-1");
    }
  }
}
