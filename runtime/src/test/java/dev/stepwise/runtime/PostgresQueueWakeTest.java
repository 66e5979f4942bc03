package dev.stepwise.runtime;

import static dev.stepwise.testing.DatabaseKind.POSTGRES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.flows.ChainFlow;
import dev.stepwise.runtime.flows.ChainFlow.Order;
import dev.stepwise.runtime.flows.QueuedFlow;
import dev.stepwise.runtime.flows.QueuedFlow.Job;
import dev.stepwise.runtime.spi.FlowControl;
import dev.stepwise.runtime.spi.QueueSpec;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.testing.Await;
import dev.stepwise.testing.StepwiseDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A slot freed on a node that has no worker to fill it is told to the other nodes through NOTIFY,
 * and they claim the waiting steps at once: both engines poll only every ten minutes, and the node
 * that freed the slot stays busy until the others are done. PostgreSQL only: H2 has no NOTIFY (its
 * engines share one JVM, and a poll finds what another one freed).
 */
@StepwiseDatabase(POSTGRES)
class PostgresQueueWakeTest extends EngineContract {

  @Test
  void aSlotFreedOnABusyNodeIsClaimedByAnotherAtOnce() throws Exception {
    QueuedFlow flow = new QueuedFlow();
    flow.blocks = job -> job.n() == 0;
    flow.recordBlocks = n -> n == 0; // node a's only worker stays in run 0's next step
    releasedAfter(flow.release);
    releasedAfter(flow.recordRelease);
    QueueSpec queue = QueueSpec.concurrency("told", 1);
    Duration noPoll = Duration.ofMinutes(10);
    Stepwise a = engine(b -> b.nodeId("node-a").workers(1).pollInterval(noPoll));
    WorkflowClient ca =
        a.register(new QueuedFlow.Definition(flow, "told", queue, FlowControl.NONE));
    a.start();
    String first = ca.start(new Job("k", 0), StartOptions.defaults());
    assertThat(flow.blockedStarted.await(30, TimeUnit.SECONDS)).isTrue();

    Stepwise b = engine(bb -> bb.nodeId("node-b").workers(2).pollInterval(noPoll));
    WorkflowClient cb =
        b.register(new QueuedFlow.Definition(flow, "told", queue, FlowControl.NONE));
    b.start();
    List<String> waiting = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      waiting.add(cb.start(new Job("k", i), StartOptions.defaults()));
    }
    Await.until(
        "node b found the queue full",
        WAIT,
        () -> cb.status(waiting.get(0)).step("call").orElseThrow().status() == Status.QUEUED);

    flow.release.countDown(); // run 0's call frees the slot; node a goes on into its record step
    assertThat(flow.recordBlocked.await(30, TimeUnit.SECONDS)).isTrue();
    Duration bound = Duration.ofSeconds(60);
    assertThat(bound).isLessThan(noPoll);
    for (String runId : waiting) {
      assertThat(cb.awaitCompletion(runId, bound).status()).isEqualTo(Status.SUCCEEDED);
    }
    assertThat(ca.status(first).step("record").orElseThrow().status()).isEqualTo(Status.RUNNING);
    flow.recordRelease.countDown();
    assertThat(ca.awaitCompletion(first, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    assertThat(flow.maxRunning.get()).isEqualTo(1);
  }

  /**
   * A node stalled inside a queue's claim (its transaction holding the queue's lock) holds up
   * neither another node's plain steps nor, once it lets go, the queue: the other node's claim
   * gives up waiting for the lock after a moment and tries again shortly.
   */
  @Test
  void aNodeStalledInAQueueClaimHoldsUpNeitherOtherWorkNorTheQueueForLong() throws Exception {
    QueuedFlow flow = new QueuedFlow();
    QueueSpec queue = QueueSpec.concurrency("stalled", 1);
    Stepwise stored = engine(b -> b.nodeId("storer")); // never started: its runs wait for claims
    WorkflowClient plain = stored.register(new ChainFlow.Definition(new ChainFlow()));
    WorkflowClient queuedOnStorer =
        stored.register(new QueuedFlow.Definition(flow, "stalled", queue, FlowControl.NONE));
    Stepwise worker = engine(b -> b.nodeId("worker"));
    WorkflowClient plainOnWorker = worker.register(new ChainFlow.Definition(new ChainFlow()));
    worker.register(new QueuedFlow.Definition(flow, "stalled", queue, FlowControl.NONE));
    try (Connection c = dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.executeQuery(
                "SELECT name FROM " + schema + ".sw_queues WHERE name = 'stalled' FOR UPDATE")
            .close();
      }
      String queued = queuedOnStorer.start(new Job("k", 1), StartOptions.defaults());
      worker.start();
      Await.until("the worker waits for the queue's lock", WAIT, this::someoneWaitsForALock);
      // Stored after the worker's dispatcher started waiting: only a dispatcher that is not stuck
      // behind the queue's lock claims it.
      String chain = plain.start(new Order("o", 1), StartOptions.defaults());

      assertThat(plainOnWorker.awaitCompletion(chain, WAIT).status()).isEqualTo(Status.SUCCEEDED);
      assertThat(queuedOnStorer.status(queued).status()).isNotEqualTo(Status.SUCCEEDED);
      c.commit();
      assertThat(queuedOnStorer.awaitCompletion(queued, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    }
  }

  private boolean someoneWaitsForALock() {
    try (Connection c = dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted")) {
      rs.next();
      return rs.getLong(1) > 0;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
