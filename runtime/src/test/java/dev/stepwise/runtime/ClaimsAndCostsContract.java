package dev.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.flows.BlockingFlow;
import dev.stepwise.runtime.flows.ChainFlow;
import dev.stepwise.runtime.flows.ChainFlow.Order;
import dev.stepwise.runtime.flows.DiamondFlow;
import dev.stepwise.runtime.flows.RetryFlow;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.runtime.spi.observe.StepwiseObserver;
import dev.stepwise.testing.Await;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Which node claims a run's steps, and what a run costs: commits per step, and the reads a claim
 * and a handle save.
 */
abstract class ClaimsAndCostsContract extends EngineContract {
  @Test
  void steadyStateCostsOneCommitPerStepPlusOneForTheStart() {
    CountingDataSource counting = new CountingDataSource(dataSource());
    // A long poll interval and lease: only the steps' own work may cause commits during the
    // measurement, no claim polling and no lease heartbeat.
    Stepwise engine =
        engine(
            b ->
                b.dataSource(counting)
                    .pollInterval(Duration.ofMinutes(1))
                    .lease(Duration.ofMinutes(10))
                    .workers(2));
    WorkflowClient client = engine.register(new ChainFlow.Definition(new ChainFlow()));
    engine.start();
    client.awaitCompletion(client.start(new Order("warm-up", 1), StartOptions.defaults()), WAIT);

    int before = counting.commits.get();
    String runId = client.start(new Order("measured", 1), StartOptions.defaults());
    assertThat(client.awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);

    // start (run + root step) = 1; reserve, charge, ship = 1 each: no claims, no polling; plus
    // the lease extension charge asks for itself (ctx.heartbeat(), a statement of its own).
    assertThat(counting.commits.get() - before).isEqualTo(5);
  }

  @Test
  void aHandleOfARunThisNodeFinishedAnswersFromTheFinishingCommitWithoutARead() {
    CountingDataSource counting = new CountingDataSource(dataSource());
    Stepwise engine = engine(b -> b.dataSource(counting));
    WorkflowClient client = engine.register(new ChainFlow.Definition(new ChainFlow()));
    engine.start();
    // The handle first, then the run: a run that finished before its handle existed (a loaded
    // machine may pause this thread that long) has nobody to hand its status to.
    String runId = "handed-" + java.util.UUID.randomUUID();
    RunHandle<RunStatus> handle = new RunHandle<>(runId, client, s -> s);
    client.start(new Order("handed", 2), StartOptions.withRunId(runId));

    // Eventually, after the run's last commit woke this node's waiters, the handle's answers come
    // without a statement; before that (or if the push never came) each answer reads the run.
    Await.until(
        "the handle answers without reading the run",
        WAIT,
        () -> {
          int before = counting.prepared.size();
          RunStatus status = handle.status();
          return status.status() == Status.SUCCEEDED && counting.prepared.size() == before;
        });
    int before = counting.prepared.size();
    RunStatus done = handle.awaitCompletion(WAIT);

    assertThat(counting.prepared).hasSize(before);
    assertThat(done).isEqualTo(client.status(runId));
    assertThat(done.step("ship").orElseThrow().status()).isEqualTo(Status.SUCCEEDED);
  }

  @Test
  void aHandleOfARunThatFailedReadsTheFailure() {
    Stepwise engine = engine();
    WorkflowClient client = engine.register(new RetryFlow.Definition(new RetryFlow()));
    engine.start();
    String runId = client.start(-1, StartOptions.defaults()); // fails, never retried

    RunStatus done = new RunHandle<>(runId, client, s -> s).awaitCompletion(WAIT);

    assertThat(done.status()).isEqualTo(Status.FAILED);
    assertThat(done.failedStep()).isEqualTo("flaky");
  }

  @Test
  void workflowRegisteredAfterStartRunsAndAStoppedEngineLeavesRunsQueuedForTheNext() {
    Stepwise producer = engine(); // never started: only stores runs
    WorkflowClient queued = producer.register(new ChainFlow.Definition(new ChainFlow()));
    String runId = queued.start(new Order("o-2", 1), StartOptions.defaults());
    assertThat(queued.status(runId).status()).isEqualTo(Status.PENDING);

    Stepwise worker = engine();
    worker.start();
    ChainFlow flow = new ChainFlow();
    WorkflowClient client = worker.register(new ChainFlow.Definition(flow));
    assertThat(client.awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    assertThat(flow.order).containsExactly("reserve", "charge", "ship");
  }

  @Test
  void claimedRootRunsOnWhatItsClaimReadWithoutReadingItsRunAgain() {
    Stepwise producer = engine(); // never started: only stores runs
    WorkflowClient queued = producer.register(new ChainFlow.Definition(new ChainFlow()));
    String runId = queued.start(new Order("o-claimed", 2), StartOptions.defaults());

    CountingDataSource counting = new CountingDataSource(dataSource());
    Stepwise worker = engine(b -> b.dataSource(counting));
    ChainFlow flow = new ChainFlow();
    worker.register(new ChainFlow.Definition(flow));
    counting.prepared.clear(); // the migration check at build time is not the subject
    worker.start();
    // The run is only reachable by claiming its root; the waiting is the producer's.
    RunStatus done = queued.awaitCompletion(runId, WAIT);
    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(queued.stepResult(done, "ship", String.class).output())
        .isEqualTo("shipped o-claimed for 2000");
    assertThat(flow.order).containsExactly("reserve", "charge", "ship");
    // The claim returned the run's input, graph version and status with the root: the worker read
    // neither the run row (other than to lock it when recording) nor any outputs.
    assertThat(counting.prepared)
        .noneMatch(
            sql -> sql.matches("(?s)select .* from \\S*sw_runs where \\S*sw_runs\\.id = \\?"))
        .noneMatch(
            sql -> sql.matches("(?s)select \\S*sw_steps\\.step_id, \\S*sw_steps\\.output .*"));
  }

  @Test
  void stepsOfAWorkflowNotRegisteredOnANodeAreNotClaimedByIt() {
    Stepwise other = engine(); // knows "blocking", never started
    WorkflowClient blocking = other.register(new BlockingFlow.Definition(new BlockingFlow()));
    String foreign = blocking.start("x", StartOptions.defaults());
    WorkflowClient chainViaOther = other.register(new ChainFlow.Definition(new ChainFlow()));
    String mine = chainViaOther.start(new Order("o", 1), StartOptions.defaults());

    Stepwise node = engine();
    WorkflowClient chain = node.register(new ChainFlow.Definition(new ChainFlow()));
    node.start();
    // The chain run is only reachable by claiming, so its completion proves the node claimed.
    assertThat(chain.awaitCompletion(mine, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    StepStatus first = blocking.status(foreign).step("first").orElseThrow();
    assertThat(first.status()).isEqualTo(Status.PENDING);
    assertThat(first.attempts()).isZero();
  }

  /**
   * A branch left PENDING for want of a free worker is taken by the thread that finishes its
   * sibling, in the same commit: here the calling thread of a synchronous run, while the one worker
   * is held by another run, so the run could not finish any other way.
   */
  @Test
  void aThreadThatFinishesABranchTakesItsPendingSiblingWithoutAClaim() throws Exception {
    AtomicInteger claimed = new AtomicInteger();
    Stepwise engine =
        engine(
            b ->
                b.workers(1)
                    .observer(
                        new StepwiseObserver() {
                          @Override
                          public void stepsClaimed(String queue, int rows, Duration latency) {
                            claimed.addAndGet(rows);
                          }
                        }));
    BlockingFlow blocking = new BlockingFlow();
    releasedAfter(blocking.release);
    WorkflowClient blocker = engine.register(new BlockingFlow.Definition(blocking));
    DiamondFlow diamond = new DiamondFlow(false);
    WorkflowClient client = engine.register(new DiamondFlow.Definition(diamond));
    engine.start();
    blocker.start("hold", StartOptions.defaults());
    assertThat(blocking.slowStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    int claimedBefore = claimed.get();

    // Without a timeout, so that the steps may run on this thread. If they could not, the run
    // would wait for the blocked worker, and then claims would show.
    RunStatus done = client.run(7, StartOptions.defaults());

    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(client.stepResult(done, "join", String.class).output()).isEqualTo("L7+R7");
    assertThat(diamond.branches.get()).isEqualTo(2);
    // The worker is still held: the caller ran start, one branch, the other, and the join.
    assertThat(blocking.release.getCount()).isEqualTo(1);
    assertThat(claimed.get()).isEqualTo(claimedBefore);
  }
}
