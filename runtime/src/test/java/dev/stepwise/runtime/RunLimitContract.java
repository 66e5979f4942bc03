package dev.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.flows.QueuedFlow;
import dev.stepwise.runtime.flows.QueuedFlow.Job;
import dev.stepwise.runtime.spi.FlowControl;
import dev.stepwise.runtime.spi.WorkflowClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * {@code maxParallelism}: at most N runs of a workflow between their first and their last step at
 * once, over all nodes; the others wait QUEUED in priority order; and per key, one run per customer
 * at a time while other customers' runs go on.
 */
abstract class RunLimitContract extends EngineContract {

  @Test
  void atMostMaxParallelismRunsExecuteAtOnceAcrossTwoNodes() throws Exception {
    QueuedFlow flow = new QueuedFlow();
    FlowControl two = new FlowControl(null, 2, 0);
    List<WorkflowClient> clients = new ArrayList<>();
    for (String node : List.of("node-a", "node-b")) {
      Stepwise e = engine(b -> b.nodeId(node).workers(4));
      clients.add(e.register(new QueuedFlow.Definition(flow, "parallel-two", null, two)));
      e.start();
    }
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      runs.add(clients.get(i % 2).start(new Job("k", i), StartOptions.defaults()));
    }
    for (String runId : runs) {
      assertThat(clients.get(0).awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    }
    assertThat(flow.maxRunsInside.get()).isBetween(1, 2);
    assertThat(flow.calls.get()).isEqualTo(16);
  }

  @Test
  void aRunBeyondTheLimitIsQueuedWithItsPlaceAndStartsWhenASlotFrees() throws Exception {
    QueuedFlow flow = new QueuedFlow();
    flow.blocks = job -> job.n() == 0;
    releasedAfter(flow.release);
    Stepwise e = engine();
    WorkflowClient client =
        e.register(
            new QueuedFlow.Definition(flow, "one-at-a-time", null, new FlowControl(null, 1, 0)));
    e.start();
    String first = client.start(new Job("k", 0), StartOptions.defaults());
    assertThat(flow.blockedStarted.await(30, TimeUnit.SECONDS)).isTrue();
    String later = client.start(new Job("k", 1), StartOptions.defaults());
    String urgent = client.start(new Job("k", 2), StartOptions.defaults().priority(5));

    RunStatus waiting = client.status(later);
    assertThat(waiting.status()).isEqualTo(Status.QUEUED);
    StepStatus call = waiting.step("call").orElseThrow();
    assertThat(call.status()).isEqualTo(Status.QUEUED);
    assertThat(call.queued().queue()).isEqualTo("workflow/one-at-a-time");
    assertThat(call.queued().position()).isEqualTo(2); // the urgent run comes first
    assertThat(client.status(urgent).step("call").orElseThrow().queued().position()).isEqualTo(1);

    flow.release.countDown();
    for (String runId : List.of(first, later, urgent)) {
      assertThat(client.awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    }
    assertThat(flow.order).containsExactly(0, 2, 1);
    assertThat(flow.maxRunsInside.get()).isEqualTo(1);
  }

  @Test
  void oneRunPerCustomerAtATimeWhileOtherCustomersProceed() throws Exception {
    QueuedFlow flow = new QueuedFlow();
    // Customer a's first run waits until one of b's runs has run: were b held back by a's slot,
    // it never would.
    flow.blocks = job -> job.n() == 0;
    Stepwise e = engine(b -> b.workers(6));
    WorkflowClient client =
        e.register(
            new QueuedFlow.Definition(flow, "per-customer", null, new FlowControl("key", 0, 1)));
    e.start();
    String blocked = client.start(new Job("a", 0), StartOptions.defaults());
    assertThat(flow.blockedStarted.await(30, TimeUnit.SECONDS)).isTrue();
    List<String> ofA = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      ofA.add(client.start(new Job("a", i), StartOptions.defaults()));
      others.add(client.start(new Job("b", 10 + i), StartOptions.defaults()));
      others.add(client.start(new Job("c", 20 + i), StartOptions.defaults()));
    }
    for (String runId : others) {
      assertThat(client.awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    }
    for (String runId : ofA) {
      assertThat(client.status(runId).status()).isEqualTo(Status.QUEUED);
    }
    flow.release.countDown();
    assertThat(client.awaitCompletion(blocked, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    for (String runId : ofA) {
      assertThat(client.awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    }
    assertThat(flow.maxRunsOfAnyKey()).isEqualTo(1);
  }

  @Test
  void cancellingAQueuedRunCancelsItAndItNeverStarts() throws Exception {
    QueuedFlow flow = new QueuedFlow();
    flow.blocks = job -> job.n() == 0;
    Stepwise e = engine();
    WorkflowClient client =
        e.register(
            new QueuedFlow.Definition(flow, "cancel-queued", null, new FlowControl(null, 1, 0)));
    e.start();
    String first = client.start(new Job("k", 0), StartOptions.defaults());
    assertThat(flow.blockedStarted.await(30, TimeUnit.SECONDS)).isTrue();
    String queued = client.start(new Job("k", 1), StartOptions.defaults());
    assertThat(client.status(queued).status()).isEqualTo(Status.QUEUED);

    client.cancel(queued);
    flow.release.countDown();
    assertThat(client.awaitCompletion(first, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    RunStatus cancelled = client.awaitCompletion(queued, WAIT);
    assertThat(cancelled.status()).isEqualTo(Status.CANCELLED);
    assertThat(cancelled.step("call").orElseThrow().status()).isEqualTo(Status.CANCELLED);
    assertThat(flow.order).containsExactly(0);
  }

  @Test
  void aRetriedRunWaitsForItsWorkflowsSlotAgain() throws Exception {
    QueuedFlow flow = new QueuedFlow();
    AtomicBoolean broken = new AtomicBoolean(true);
    flow.failsFirst = job -> job.n() == 1 && broken.get();
    flow.blocks = job -> job.n() == 0;
    releasedAfter(flow.release);
    Stepwise e = engine();
    WorkflowClient client =
        e.register(
            new QueuedFlow.Definition(flow, "retry-limited", null, new FlowControl(null, 1, 0)));
    e.start();
    String failed = client.start(new Job("k", 1), StartOptions.defaults());
    assertThat(client.awaitCompletion(failed, WAIT).status()).isEqualTo(Status.FAILED);
    String holder = client.start(new Job("k", 0), StartOptions.defaults());
    assertThat(flow.blockedStarted.await(30, TimeUnit.SECONDS)).isTrue();

    broken.set(false);
    assertThat(client.retry(failed)).isTrue();
    RunStatus waiting = client.status(failed);
    assertThat(waiting.status()).isEqualTo(Status.QUEUED);
    assertThat(waiting.step("call").orElseThrow().status()).isEqualTo(Status.QUEUED);

    flow.release.countDown();
    assertThat(client.awaitCompletion(holder, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    assertThat(client.awaitCompletion(failed, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    assertThat(flow.maxRunsInside.get()).isEqualTo(1);
  }
}
