package dev.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.flows.QueuedFlow;
import dev.stepwise.runtime.flows.QueuedFlow.Job;
import dev.stepwise.runtime.spi.FlowControl;
import dev.stepwise.runtime.spi.QueueSpec;
import dev.stepwise.runtime.spi.RetryPolicy;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.testing.Await;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Queues: a global concurrency limit holds with several nodes claiming at once and while a node
 * dies, a per-key limit holds one key back without holding the others, a rate limit is never
 * exceeded in any window, and priority decides the order. The steps record what they saw.
 */
abstract class QueueContract extends EngineContract {
  private static final FlowControl KEYED = new FlowControl("key", 0, 0);

  @Test
  void aGlobalLimitOfThreeHoldsWithThreeNodesClaimingConcurrently() throws Exception {
    QueuedFlow flow = new QueuedFlow();
    QueueSpec queue = QueueSpec.concurrency("three", 3);
    List<WorkflowClient> clients = new ArrayList<>();
    for (int node = 0; node < 3; node++) {
      String id = "node-" + node;
      Stepwise e = engine(b -> b.nodeId(id).workers(4));
      clients.add(e.register(new QueuedFlow.Definition(flow, "limited", queue, FlowControl.NONE)));
      e.start();
    }
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      runs.add(clients.get(i % 3).start(new Job("k", i), StartOptions.defaults()));
    }
    for (String runId : runs) {
      assertThat(clients.get(0).awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    }
    assertThat(flow.calls.get()).isEqualTo(30);
    assertThat(flow.maxRunning.get()).isBetween(1, 3);
  }

  @Test
  void aGlobalLimitStillHoldsWhileAKilledNodesLeasesExpire() throws Exception {
    Duration lease = Duration.ofMillis(800);
    QueueSpec queue = QueueSpec.concurrency("survivor", 3);
    QueuedFlow dying = new QueuedFlow();
    dying.blocks = job -> true; // every call on node a hangs, as a JVM that stopped would
    releasedAfter(dying.release);
    Stepwise a =
        engine(
            b -> b.nodeId("node-a").workers(3).lease(lease).shutdownTimeout(Duration.ofMillis(50)));
    WorkflowClient ca =
        a.register(new QueuedFlow.Definition(dying, "survive", queue, FlowControl.NONE));
    a.start();
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      runs.add(ca.start(new Job("k", i), StartOptions.defaults()));
    }
    Await.until("node a runs three calls", WAIT, () -> dying.running.get() == 3);
    a.close(); // its heartbeat stops; its three RUNNING rows count until their leases expire

    QueuedFlow flow = new QueuedFlow();
    Stepwise b = engine(bb -> bb.nodeId("node-b").workers(6).lease(lease));
    WorkflowClient cb =
        b.register(new QueuedFlow.Definition(flow, "survive", queue, FlowControl.NONE));
    b.start();
    for (String runId : runs) {
      assertThat(cb.awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    }
    // While node a's leases held, node b could start nothing: the three dead calls held the queue.
    assertThat(flow.maxRunning.get()).isBetween(1, 3);
    assertThat(flow.calls.get()).isEqualTo(12);
    long retaken =
        runs.stream().filter(r -> cb.status(r).step("call").orElseThrow().attempts() == 2).count();
    assertThat(retaken).isEqualTo(3);
  }

  @Test
  void aPerKeyLimitOfOneRunsOneStepPerKeyWhileOtherKeysProceed() throws Exception {
    QueuedFlow flow = new QueuedFlow();
    // The first call of key a waits until a call of key b ran: were b held back by a, it never
    // would, and the runs of a would not finish.
    flow.blocks = job -> job.key().equals("a") && job.n() == 0;
    QueueSpec queue = new QueueSpec("per-key", 0, 0, 1, 0, Duration.ofSeconds(1));
    Stepwise e = engine(b -> b.workers(6));
    WorkflowClient client = e.register(new QueuedFlow.Definition(flow, "keyed", queue, KEYED));
    e.start();
    List<String> runs = new ArrayList<>();
    runs.add(client.start(new Job("a", 0), StartOptions.defaults()));
    assertThat(flow.blockedStarted.await(30, TimeUnit.SECONDS)).isTrue();
    for (int i = 1; i < 5; i++) {
      runs.add(client.start(new Job("a", i), StartOptions.defaults()));
    }
    List<String> others = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      others.add(client.start(new Job("b", 10 + i), StartOptions.defaults()));
      others.add(client.start(new Job("c", 20 + i), StartOptions.defaults()));
    }
    for (String runId : others) {
      assertThat(client.awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    }
    // Keys b and c finished while a's first call still held its key.
    assertThat(client.status(runs.get(0)).step("call").orElseThrow().status())
        .isEqualTo(Status.RUNNING);
    assertThat(client.status(runs.get(1)).step("call").orElseThrow().status())
        .isEqualTo(Status.QUEUED);
    flow.release.countDown();
    for (String runId : runs) {
      assertThat(client.awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    }
    assertThat(flow.maxOfAnyKey()).isEqualTo(1);
  }

  @Test
  void aRateLimitIsNeverExceededInAnyWindowWithTwoNodesStarting() throws Exception {
    QueuedFlow flow = new QueuedFlow();
    flow.hold = Duration.ZERO;
    Duration period = Duration.ofMillis(400);
    QueueSpec queue = new QueueSpec("rated", 0, 0, 0, 4, period);
    List<WorkflowClient> clients = new ArrayList<>();
    for (String node : List.of("node-a", "node-b")) {
      Stepwise e = engine(b -> b.nodeId(node).workers(8));
      clients.add(e.register(new QueuedFlow.Definition(flow, "rated", queue, FlowControl.NONE)));
      e.start();
    }
    WorkflowClient client = clients.get(0);
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      runs.add(clients.get(i % 2).start(new Job("k", i), StartOptions.defaults()));
    }
    List<Instant> starts = new ArrayList<>();
    for (String runId : runs) {
      RunStatus s = client.awaitCompletion(runId, WAIT);
      assertThat(s.status()).isEqualTo(Status.SUCCEEDED);
      starts.add(s.step("call").orElseThrow().startedAt());
    }
    Collections.sort(starts);
    // Any 5 consecutive starts span at least the period: no window of it holds more than 4.
    for (int i = 0; i + 4 < starts.size(); i++) {
      assertThat(Duration.between(starts.get(i), starts.get(i + 4)))
          .as("starts %d..%d", i, i + 4)
          .isGreaterThanOrEqualTo(period);
    }
  }

  @Test
  void aPerNodeLimitHoldsOnEachNodeWhileTheOtherNodesRunTheirShare() throws Exception {
    QueuedFlow flow = new QueuedFlow();
    flow.hold = Duration.ofMillis(30);
    QueueSpec queue = new QueueSpec("per-node", 0, 1, 0, 0, Duration.ofSeconds(1));
    List<WorkflowClient> clients = new ArrayList<>();
    for (String node : List.of("node-a", "node-b")) {
      Stepwise e = engine(b -> b.nodeId(node).workers(4));
      clients.add(e.register(new QueuedFlow.Definition(flow, "per-node", queue, FlowControl.NONE)));
      e.start();
    }
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      runs.add(clients.get(i % 2).start(new Job("k", i), StartOptions.defaults()));
    }
    for (String runId : runs) {
      assertThat(clients.get(0).awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    }
    assertThat(flow.maxByNode).isNotEmpty();
    assertThat(flow.maxByNode.values()).allSatisfy(max -> assertThat(max.get()).isEqualTo(1));
  }

  @Test
  void theEnginesQueueLimitsOverrideTheOnesTheCodeDeclares() throws Exception {
    QueuedFlow flow = new QueuedFlow();
    flow.hold = Duration.ofMillis(20);
    // The code says three at once; this environment's provider allows one.
    Stepwise e = engine(b -> b.workers(6).queueLimits(QueueSpec.concurrency("overridden", 1)));
    WorkflowClient client =
        e.register(
            new QueuedFlow.Definition(
                flow, "overridden", QueueSpec.concurrency("overridden", 3), FlowControl.NONE));
    e.start();
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      runs.add(client.start(new Job("k", i), StartOptions.defaults()));
    }
    for (String runId : runs) {
      assertThat(client.awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    }
    assertThat(flow.maxRunning.get()).isEqualTo(1);
  }

  @Test
  void higherPriorityStepsOfAQueueAreClaimedFirst() throws Exception {
    QueuedFlow flow = new QueuedFlow();
    flow.blocks = job -> job.n() == -1;
    QueueSpec queue = QueueSpec.concurrency("one", 1);
    Stepwise e = engine(b -> b.workers(4));
    WorkflowClient client =
        e.register(new QueuedFlow.Definition(flow, "prioritised", queue, FlowControl.NONE));
    e.start();
    String blocker = client.start(new Job("k", -1), StartOptions.defaults());
    assertThat(flow.blockedStarted.await(30, TimeUnit.SECONDS)).isTrue();
    List<Integer> priorities = List.of(3, -2, 7, 0, 5, 1);
    List<String> runs = new ArrayList<>();
    for (int p : priorities) {
      runs.add(client.start(new Job("k", p), StartOptions.defaults().priority(p)));
    }
    flow.release.countDown();
    assertThat(client.awaitCompletion(blocker, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    for (String runId : runs) {
      assertThat(client.awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    }
    assertThat(flow.order).containsExactly(-1, 7, 5, 3, 1, 0, -2);
  }

  @Test
  void aStepWaitingForItsQueueShowsAsQueuedWithItsQueueAndPosition() throws Exception {
    QueuedFlow flow = new QueuedFlow();
    flow.blocks = job -> job.n() == 0;
    QueueSpec queue = QueueSpec.concurrency("visible", 1);
    Stepwise e = engine();
    WorkflowClient client = e.register(new QueuedFlow.Definition(flow, "visible", queue, KEYED));
    e.start();
    String first = client.start(new Job("a", 0), StartOptions.defaults());
    assertThat(flow.blockedStarted.await(30, TimeUnit.SECONDS)).isTrue();
    String second = client.start(new Job("b", 1), StartOptions.defaults());
    String third = client.start(new Job("c", 2), StartOptions.defaults());

    Await.until(
        "the third run's step is queued",
        WAIT,
        () -> client.status(third).step("call").orElseThrow().status() == Status.QUEUED);
    StepStatus waiting = client.status(third).step("call").orElseThrow();
    assertThat(waiting.queued()).isNotNull();
    assertThat(waiting.queued().queue()).isEqualTo("visible");
    assertThat(waiting.queued().concurrencyKey()).isEqualTo("c");
    assertThat(waiting.queued().position()).isEqualTo(2);
    assertThat(client.status(second).step("call").orElseThrow().queued().position()).isEqualTo(1);
    assertThat(client.status(first).step("call").orElseThrow().queued()).isNull();

    flow.release.countDown();
    assertThat(client.awaitCompletion(third, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    assertThat(client.status(third).step("call").orElseThrow().queued()).isNull();
  }

  /**
   * A slot freed on one node wakes the steps waiting for it on every node at once: here both
   * engines poll only every ten minutes, so a wake-up that waited for a poll would miss the bound.
   * (On H2 the engines share one JVM and no NOTIFY: the node that freed the slot claims.)
   */
  @Test
  void aFreedSlotWakesTheWaitingStepsAtOnceWithoutWaitingForAPoll() throws Exception {
    QueuedFlow flow = new QueuedFlow();
    flow.blocks = job -> job.n() == 0;
    releasedAfter(flow.release);
    QueueSpec queue = QueueSpec.concurrency("wake", 1);
    Duration noPoll = Duration.ofMinutes(10);
    List<WorkflowClient> clients = new ArrayList<>();
    for (String node : List.of("node-a", "node-b")) {
      Stepwise e = engine(b -> b.nodeId(node).workers(2).pollInterval(noPoll));
      clients.add(e.register(new QueuedFlow.Definition(flow, "wake", queue, FlowControl.NONE)));
      e.start();
    }
    String first = clients.get(0).start(new Job("k", 0), StartOptions.defaults());
    assertThat(flow.blockedStarted.await(30, TimeUnit.SECONDS)).isTrue();
    List<String> waiting = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      waiting.add(clients.get(1).start(new Job("k", i), StartOptions.defaults()));
    }
    Await.until(
        "the waiting steps are queued",
        WAIT,
        () ->
            waiting.stream()
                .allMatch(
                    r ->
                        clients.get(1).status(r).step("call").orElseThrow().status()
                            == Status.QUEUED));

    flow.release.countDown();
    Duration bound = Duration.ofSeconds(60);
    assertThat(bound).isLessThan(noPoll);
    assertThat(clients.get(1).awaitCompletion(first, bound).status()).isEqualTo(Status.SUCCEEDED);
    for (String runId : waiting) {
      assertThat(clients.get(1).awaitCompletion(runId, bound).status()).isEqualTo(Status.SUCCEEDED);
    }
    assertThat(flow.maxRunning.get()).isEqualTo(1);
  }

  /** A queue's step put back for a retry is claimed by its queue when the retry falls due. */
  @Test
  void aRetriedStepOfAQueueIsClaimedWhenItsRetryFallsDueWithoutWaitingForAPoll() {
    QueuedFlow flow = new QueuedFlow();
    flow.failsFirst = job -> true;
    RetryPolicy retry =
        new RetryPolicy(
            3, Duration.ofMillis(50), 1.0, Duration.ofMillis(50), 0.0, List.of(), List.of());
    Duration noPoll = Duration.ofMinutes(10);
    Stepwise e = engine(b -> b.pollInterval(noPoll));
    WorkflowClient client =
        e.register(
            new QueuedFlow.Definition(
                flow, "retried", QueueSpec.concurrency("retried", 1), FlowControl.NONE, retry));
    e.start();
    Duration bound = Duration.ofSeconds(60);
    assertThat(bound).isLessThan(noPoll);
    // One at a time: nothing else happening on the node can wake its queue for the retry.
    for (int i = 0; i < 2; i++) {
      String runId = client.start(new Job("k", i), StartOptions.defaults());
      RunStatus s = client.awaitCompletion(runId, bound);
      assertThat(s.status()).isEqualTo(Status.SUCCEEDED);
      assertThat(s.step("call").orElseThrow().attempts()).isEqualTo(2);
    }
  }

  /**
   * A claim that waited for the queue's lock (behind a node stalled inside its own claim) leases
   * from the time it got the lock. Leases counted from before the wait had expired on arrival: the
   * chaos soak saw another node's sweeper take such steps back while they ran, and the queue run
   * more than its limit.
   */
  @Test
  void aClaimThatWaitedForTheQueuesLockLeasesFromWhenItGotIt() throws Exception {
    QueuedFlow flow = new QueuedFlow();
    flow.blocks = job -> true;
    releasedAfter(flow.release);
    // Long enough that no heartbeat renews the lease before it is read below.
    Duration lease = Duration.ofSeconds(30);
    Stepwise e = engine(b -> b.lease(lease));
    QueueSpec queue = QueueSpec.concurrency("locked", 1);
    WorkflowClient client =
        e.register(new QueuedFlow.Definition(flow, "locked", queue, FlowControl.NONE));
    e.start();
    String runId;
    Instant released;
    try (Connection c = dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.executeQuery(
                "SELECT name FROM " + schema + ".sw_queues WHERE name = 'locked' FOR UPDATE")
            .close();
      }
      runId = client.start(new Job("k", 1), StartOptions.defaults());
      Instant held = Instant.now().plusSeconds(2);
      Await.until("the lock was held for two seconds", WAIT, () -> Instant.now().isAfter(held));
      released = Instant.now();
      c.commit();
    }
    assertThat(flow.blockedStarted.await(30, TimeUnit.SECONDS)).isTrue();
    Instant leaseUntil;
    try (Connection c = dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT lease_until FROM "
                    + schema
                    + ".sw_steps WHERE run_id = '"
                    + runId
                    + "' AND step_id = 'call'")) {
      assertThat(rs.next()).isTrue();
      leaseUntil = rs.getObject(1, OffsetDateTime.class).toInstant();
    }
    assertThat(leaseUntil).isAfterOrEqualTo(released.plus(lease).minusMillis(500));
    flow.release.countDown();
    assertThat(client.awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);
  }
}
