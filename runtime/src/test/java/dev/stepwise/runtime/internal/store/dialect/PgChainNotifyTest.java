package dev.stepwise.runtime.internal.store.dialect;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.runtime.flows.ChainFlow;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.testing.StepwiseDatabase;
import dev.stepwise.testing.TestSchema;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A chain's last step tells other nodes of the finished run in its own statement (NOTIFY), not
 * through the notifier's sender: another node listening on the schema hears it. Skipped without
 * PostgreSQL unless {@code stepwise.requirePostgres=true}.
 */
@StepwiseDatabase(POSTGRES)
class PgChainNotifyTest {

  @Test
  void aRunFinishedByAChainIsHeardByAnotherNode(TestSchema database) throws Exception {
    String schema = database.name();
    List<String> heard = new CopyOnWriteArrayList<>();
    try (Stepwise engine =
            Stepwise.builder()
                .dataSource(database.dataSource())
                .schema(schema)
                .nodeId("a")
                .build();
        PgNotifier other = new PgNotifier(database.dataSource(), schema, "b", heard::add)) {
      WorkflowClient client = engine.register(new ChainFlow.Definition(new ChainFlow()));
      engine.start();
      other.listen();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      String heardRun = null;
      // Run until one is heard: the other node's LISTEN may not be registered for the first.
      while (heardRun == null && System.nanoTime() < deadline) {
        RunStatus s = client.run(new ChainFlow.Order("o", 1), StartOptions.defaults());
        assertThat(s.status()).isEqualTo(Status.SUCCEEDED);
        for (int i = 0; i < 20 && heardRun == null; i++) {
          if (heard.contains(s.runId())) {
            heardRun = s.runId();
          } else {
            TimeUnit.MILLISECONDS.sleep(50); // the test's polling interval, not an assertion
          }
        }
      }
      assertThat(heardRun).as("a run id heard by the other node").isNotNull();
    }
  }
}
