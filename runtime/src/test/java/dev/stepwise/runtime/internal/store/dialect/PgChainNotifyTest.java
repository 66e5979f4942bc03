package dev.stepwise.runtime.internal.store.dialect;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.runtime.flows.ApprovalFlow;
import dev.stepwise.runtime.flows.ChainFlow;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.testing.Await;
import dev.stepwise.testing.StepwiseDatabase;
import dev.stepwise.testing.TestSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A chain's last step tells other nodes of the finished run in its own statement (NOTIFY), not
 * through the notifier's sender; a resume leaves it to the sender. Either way another node
 * listening on the schema hears it. Skipped without PostgreSQL unless {@code
 * stepwise.requirePostgres=true}.
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

  @Test
  void runsFinishedByChainsAtOnceAreAllHeardByAnotherNode(TestSchema database) throws Exception {
    String schema = database.name();
    Set<String> heard = ConcurrentHashMap.newKeySet();
    try (Stepwise engine =
            Stepwise.builder()
                .dataSource(database.dataSource())
                .schema(schema)
                .nodeId("a")
                .workers(8)
                .build();
        PgNotifier other = new PgNotifier(database.dataSource(), schema, "b", heard::add)) {
      WorkflowClient client = engine.register(new ChainFlow.Definition(new ChainFlow()));
      engine.start();
      other.listen();
      heardOnceListening(client, heard);
      // Finishes committing at once: each one's NOTIFY is heard.
      List<String> runs = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        runs.add(client.start(new ChainFlow.Order("o" + i, 1), StartOptions.defaults()));
      }
      for (String runId : runs) {
        assertThat(client.awaitCompletion(runId, Duration.ofSeconds(30)).status())
            .isEqualTo(Status.SUCCEEDED);
      }
      Await.until(
          () ->
              "all 40 runs heard, missing "
                  + runs.stream().filter(r -> !heard.contains(r)).toList(),
          Duration.ofSeconds(30),
          () -> heard.containsAll(runs));
    }
  }

  @Test
  void aResumeIsHeardByAnotherNode(TestSchema database) throws Exception {
    String schema = database.name();
    Set<String> heard = ConcurrentHashMap.newKeySet();
    try (Stepwise engine =
            Stepwise.builder()
                .dataSource(database.dataSource())
                .schema(schema)
                .nodeId("a")
                .build();
        PgNotifier other = new PgNotifier(database.dataSource(), schema, "b", heard::add)) {
      WorkflowClient chains = engine.register(new ChainFlow.Definition(new ChainFlow()));
      WorkflowClient approvals = engine.register(new ApprovalFlow.Definition(new ApprovalFlow()));
      engine.start();
      other.listen();
      heardOnceListening(chains, heard);
      String runId = approvals.start("o", StartOptions.defaults());
      assertThat(approvals.awaitSettled(runId, Duration.ofSeconds(30)).status())
          .isEqualTo(Status.SUSPENDED);
      heard.clear();

      approvals.resume(runId, "approve", new ApprovalFlow.Decision(true, "Ann"));

      // The resume's own statement sends no NOTIFY; the notifier announces it.
      Await.until("the resumed run heard", Duration.ofSeconds(30), () -> heard.contains(runId));
      assertThat(approvals.awaitCompletion(runId, Duration.ofSeconds(30)).status())
          .isEqualTo(Status.SUCCEEDED);
    }
  }

  /**
   * Runs chains until the other node hears one: its LISTEN may not be registered at first. In the
   * full suite on two cores this took up to about 25 s once (3 s alone), hence the minute.
   */
  private static void heardOnceListening(WorkflowClient client, Set<String> heard) {
    Await.until(
        "a run heard by the other node",
        Duration.ofSeconds(60),
        () ->
            heard.contains(
                client.run(new ChainFlow.Order("w", 1), StartOptions.defaults()).runId()));
  }
}
