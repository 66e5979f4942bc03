package dev.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.runtime.flows.ApprovalFlow;
import dev.stepwise.runtime.flows.ApprovalFlow.Approval;
import dev.stepwise.runtime.flows.ApprovalFlow.Decision;
import dev.stepwise.runtime.flows.BlockingFlow;
import dev.stepwise.runtime.flows.BranchFlow;
import dev.stepwise.runtime.flows.ChainFlow;
import dev.stepwise.runtime.flows.ChainFlow.Order;
import dev.stepwise.runtime.flows.DiamondFlow;
import dev.stepwise.runtime.flows.KillChild;
import dev.stepwise.runtime.flows.KillFlow;
import dev.stepwise.runtime.flows.RetryFlow;
import dev.stepwise.runtime.spi.RetryPolicy;
import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import dev.stepwise.testing.DatabaseKind;
import dev.stepwise.testing.StepwiseDatabase;
import dev.stepwise.testing.TestSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's behaviour, proven once per database: each subclass names its database with {@link
 * StepwiseDatabase}. Every test runs in a fresh schema with a random name that is dropped
 * afterwards.
 */
abstract class EngineContract {
  static final Duration WAIT = Duration.ofSeconds(30);

  protected TestSchema database;
  protected String schema;
  private final List<Stepwise> engines = new ArrayList<>();
  private final List<CountDownLatch> toRelease = new ArrayList<>();

  @BeforeEach
  void useSchema(TestSchema testSchema) {
    database = testSchema;
    schema = testSchema.name();
  }

  /** Closes the test's engines; the extension then drops the schema. */
  @AfterEach
  void closeEngines() {
    toRelease.forEach(CountDownLatch::countDown);
    for (int i = engines.size() - 1; i >= 0; i--) {
      engines.get(i).close();
    }
  }

  /** The database under test; shared by the engines of one test. */
  protected DataSource dataSource() {
    return database.dataSource();
  }

  /** An engine on this test's schema; closed after the test. */
  protected Stepwise engine(Consumer<Stepwise.Builder> settings) {
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

  protected Stepwise engine() {
    return engine(b -> {});
  }

  private <T extends CountDownLatch> T releasedAfter(T latch) {
    toRelease.add(latch);
    return latch;
  }

  // ---- execution

  @Test
  void sequentialChainRunsEveryStepOnceInOrderAndStoresTypedOutputs() {
    Stepwise engine = engine();
    ChainFlow flow = new ChainFlow();
    WorkflowClient client = engine.register(new ChainFlow.Definition(flow));
    engine.start();

    String runId = client.start(new Order("o-1", 3), StartOptions.defaults());
    RunStatus s = client.awaitCompletion(runId, WAIT);

    assertThat(s.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(s.steps())
        .extracting(StepStatus::stepId)
        .containsExactly("reserve", "charge", "ship");
    assertThat(s.steps()).allSatisfy(st -> assertThat(st.attempts()).isEqualTo(1));
    assertThat(flow.order).containsExactly("reserve", "charge", "ship");
    assertThat(client.stepResult(s, "charge", ChainFlow.Payment.class).output())
        .isEqualTo(new ChainFlow.Payment("o-1", 3000));
    assertThat(client.stepResult(s, "ship", String.class).output())
        .isEqualTo("shipped o-1 for 3000");
    assertThat(client.list(10)).extracting(RunStatus::runId).containsExactly(runId);
    assertThat(flow.mdc).containsEntry("charge", runId + "/charge");
    // The status handed to the waiter by the final commit is the one a read returns.
    assertThat(client.status(runId)).isEqualTo(s);
  }

  @Test
  void runExecutesAChainOnTheCallersThreadAndReturnsWhatAReadReturns() {
    Stepwise engine = engine();
    ChainFlow flow = new ChainFlow();
    WorkflowClient client = engine.register(new ChainFlow.Definition(flow));
    engine.start();

    RunStatus s = client.run(new Order("o-run", 2), StartOptions.defaults());

    assertThat(s.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(flow.threads)
        .containsOnlyKeys("reserve", "charge", "ship")
        .allSatisfy((step, thread) -> assertThat(thread).isSameAs(Thread.currentThread()));
    assertThat(client.stepResult(s, "ship", String.class).output())
        .isEqualTo("shipped o-run for 2000");
    assertThat(client.status(s.runId())).isEqualTo(s);
  }

  @Test
  void runOfARunThatSuspendsReturnsItSuspended() {
    Stepwise engine = engine();
    WorkflowClient client = engine.register(new ApprovalFlow.Definition(new ApprovalFlow()));
    engine.start();

    RunStatus s = client.run("o", StartOptions.defaults());

    assertThat(s.status()).isEqualTo(Status.SUSPENDED);
    assertThat(s.step("approve").orElseThrow().status()).isEqualTo(Status.SUSPENDED);
    assertThat(client.status(s.runId())).isEqualTo(s);
  }

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
    String runId = client.start(new Order("handed", 2), StartOptions.defaults());
    RunHandle<RunStatus> handle = new RunHandle<>(runId, client, s -> s);

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

  @Test
  void forkAndJoinRunsTheJoinOnceAfterBothBranchesWithBothOutputs() {
    Stepwise engine = engine();
    DiamondFlow flow = new DiamondFlow(false);
    WorkflowClient client = engine.register(new DiamondFlow.Definition(flow));
    engine.start();

    RunStatus s = client.awaitCompletion(client.start(7, StartOptions.defaults()), WAIT);

    assertThat(s.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(client.stepResult(s, "join", String.class).output()).isEqualTo("L7+R7");
    assertThat(flow.joins.get()).isEqualTo(1);
    StepStatus join = s.step("join").orElseThrow();
    assertThat(join.startedAt())
        .isAfterOrEqualTo(s.step("left").orElseThrow().finishedAt())
        .isAfterOrEqualTo(s.step("right").orElseThrow().finishedAt());
  }

  @Test
  void joinWhosePredecessorsFinishAtTheSameInstantOnTwoWorkersIsInsertedExactlyOnce() {
    Stepwise engine = engine(b -> b.workers(4));
    DiamondFlow flow = new DiamondFlow(true); // left and right meet at a barrier, then return
    WorkflowClient client = engine.register(new DiamondFlow.Definition(flow));
    engine.start();

    int runs = 5;
    for (int i = 0; i < runs; i++) {
      RunStatus s = client.awaitCompletion(client.start(i, StartOptions.defaults()), WAIT);
      assertThat(s.status()).isEqualTo(Status.SUCCEEDED);
      assertThat(s.step("join").orElseThrow().attempts()).isEqualTo(1);
      assertThat(client.stepResult(s, "join", String.class).output()).isEqualTo("L" + i + "+R" + i);
    }
    assertThat(flow.branches.get()).isEqualTo(2 * runs);
    assertThat(flow.joins.get()).isEqualTo(runs);
  }

  @Test
  void falseConditionSkipsAStepAndTheSkipPropagatesThroughAllJoinsWhileAnAnyJoinMerges() {
    Stepwise engine = engine();
    WorkflowClient client = engine.register(new BranchFlow.Definition(new BranchFlow()));
    engine.start();

    RunStatus small = client.awaitCompletion(client.start(10, StartOptions.defaults()), WAIT);
    assertThat(small.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(client.status(small.runId())).isEqualTo(small);
    assertThat(statuses(small))
        .containsExactly(
            "check=SUCCEEDED",
            "big=SKIPPED",
            "small=SUCCEEDED",
            "audit=SKIPPED",
            "merge=SUCCEEDED",
            "report=SKIPPED");
    assertThat(client.stepResult(small, "merge", String.class).output()).isEqualTo("small:10");

    RunStatus large = client.awaitCompletion(client.start(5000, StartOptions.defaults()), WAIT);
    assertThat(client.status(large.runId())).isEqualTo(large);
    assertThat(statuses(large))
        .containsExactly(
            "check=SUCCEEDED",
            "big=SUCCEEDED",
            "small=SKIPPED",
            "audit=SUCCEEDED",
            "merge=SUCCEEDED",
            "report=SUCCEEDED");
    assertThat(client.stepResult(large, "report", String.class).output())
        .isEqualTo("audited big:5000 / big:5000");
  }

  private static List<String> statuses(RunStatus s) {
    return s.steps().stream().map(st -> st.stepId() + "=" + st.status()).toList();
  }

  // ---- retries and failure

  @Test
  void stepFailingTwiceWithThreeAttemptsSucceedsOnTheThird() {
    Stepwise engine = engine();
    RetryFlow flow = new RetryFlow();
    WorkflowClient client = engine.register(new RetryFlow.Definition(flow));
    engine.start();

    RunStatus s = client.awaitCompletion(client.start(2, StartOptions.defaults()), WAIT);

    assertThat(s.status()).isEqualTo(Status.SUCCEEDED);
    StepResult<String> flaky = client.stepResult(s, "flaky", String.class);
    assertThat(flaky.attempts()).isEqualTo(3);
    assertThat(flaky.output()).isEqualTo("ok on attempt 3");
    assertThat(flow.flakyCalls.get()).isEqualTo(3);
    assertThat(client.stepResult(s, "done", String.class).output())
        .isEqualTo("ok on attempt 3, done");
    // Each retry waited its backoff (delay 20ms, backoff 2, jitter 0.2) in the database, not in a
    // thread: lower bounds only, so a slow machine cannot make this fail.
    List<Long> starts = flow.flakyStarts;
    assertThat(starts.get(1) - starts.get(0))
        .isGreaterThanOrEqualTo(Duration.ofMillis(16).toNanos());
    assertThat(starts.get(2) - starts.get(1))
        .isGreaterThanOrEqualTo(Duration.ofMillis(32).toNanos());
  }

  @Test
  void exhaustedAttemptsFailTheRunWithTheStoredErrorAndNothingDownstreamStarts() {
    Stepwise engine = engine();
    RetryFlow flow = new RetryFlow();
    WorkflowClient client = engine.register(new RetryFlow.Definition(flow));
    engine.start();

    RunStatus s = client.awaitCompletion(client.start(5, StartOptions.defaults()), WAIT);

    assertThat(s.status()).isEqualTo(Status.FAILED);
    assertThat(s.failedStep()).isEqualTo("flaky");
    assertThat(s.error().type()).isEqualTo(IOException.class.getName());
    assertThat(s.error().message()).isEqualTo("service unavailable on attempt 3");
    assertThat(s.error().stackTrace()).contains("RetryFlow.flaky");
    StepStatus flaky = s.step("flaky").orElseThrow();
    assertThat(flaky.status()).isEqualTo(Status.FAILED);
    assertThat(flaky.attempts()).isEqualTo(3);
    assertThat(flaky.error()).isEqualTo(s.error());
    assertThat(s.step("done").orElseThrow()).isEqualTo(StepStatus.notReached("done"));
    assertThat(flow.doneCalls.get()).isZero();
  }

  @Test
  void abortOnExceptionIsNotRetried() {
    Stepwise engine = engine();
    RetryFlow flow = new RetryFlow();
    WorkflowClient client = engine.register(new RetryFlow.Definition(flow));
    engine.start();

    RunStatus s = client.awaitCompletion(client.start(-1, StartOptions.defaults()), WAIT);

    assertThat(s.status()).isEqualTo(Status.FAILED);
    assertThat(s.error().type()).isEqualTo(IllegalArgumentException.class.getName());
    assertThat(s.step("flaky").orElseThrow().attempts()).isEqualTo(1);
    assertThat(flow.flakyCalls.get()).isEqualTo(1);
  }

  @Test
  void failureCancelsTheRunsSuspendedAndPendingStepsButLetsRunningStepsFinish() {
    Stepwise engine = engine();
    ForkFailFlow flow = new ForkFailFlow();
    WorkflowClient client = engine.register(flow);
    engine.start();
    String runId = client.start("x", StartOptions.defaults());

    RunStatus s = client.awaitCompletion(runId, WAIT);
    assertThat(s.status()).isEqualTo(Status.FAILED);
    assertThat(s.failedStep()).isEqualTo("boom");
    // park was suspending on its own worker when boom failed; whichever commit came first, the
    // step can never be resumed, so it ends CANCELLED.
    Await.until(
        "the suspended step is cancelled",
        WAIT,
        () -> client.status(runId).step("park").orElseThrow().status() == Status.CANCELLED);
    flow.release.countDown();
    Await.until(
        "the running step is recorded after the failure",
        WAIT,
        () -> client.status(runId).step("busy").orElseThrow().status() == Status.SUCCEEDED);
    assertThat(client.status(runId).step("after").orElseThrow().status()).isEqualTo(Status.PENDING);
    assertThat(client.status(runId).step("after").orElseThrow().attempts()).isZero();
  }

  // ---- suspend and resume

  @Test
  void suspendedStepParksTheRunAndResumeDeliversTheTypedPayload() {
    Stepwise engine = engine();
    ApprovalFlow flow = new ApprovalFlow();
    WorkflowClient client = engine.register(new ApprovalFlow.Definition(flow));
    engine.start();
    String runId = client.start("order-9", StartOptions.defaults());

    RunStatus parked = client.awaitSettled(runId, WAIT);
    assertThat(parked.status()).isEqualTo(Status.SUSPENDED);
    StepStatus approve = parked.step("approve").orElseThrow();
    assertThat(approve.status()).isEqualTo(Status.SUSPENDED);
    assertThat(approve.suspendReason())
        .isEqualTo("needs a manager's decision for prepared order-9");

    client.resume(runId, "approve", new Decision(true, "Ann"));
    RunStatus done = client.awaitCompletion(runId, WAIT);

    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(client.stepResult(done, "approve", Approval.class).output())
        .isEqualTo(new Approval(true, "Ann"));
    assertThat(client.stepResult(done, "ship", String.class).output())
        .isEqualTo("shipped, approved by Ann");
    assertThat(flow.approveCalls.get()).isEqualTo(2);
  }

  @Test
  void severalBranchesMaySuspendAtOnceAndTheRunStaysSuspendedUntilBothAreResumed() {
    Stepwise engine = engine();
    WorkflowClient client = engine.register(new TwoApprovalsFlow());
    engine.start();
    String runId = client.start("x", StartOptions.defaults());

    RunStatus parked = client.awaitSettled(runId, WAIT);
    assertThat(parked.status()).isEqualTo(Status.SUSPENDED);
    assertThat(statuses(parked))
        .containsExactly("root=SUCCEEDED", "legal=SUSPENDED", "finance=SUSPENDED", "done=PENDING");

    client.resume(runId, "legal", "ok by legal");
    Await.until(
        "legal is recorded and the run parks again on finance",
        WAIT,
        () -> {
          RunStatus s = client.status(runId);
          return s.status() == Status.SUSPENDED
              && s.step("legal").orElseThrow().status() == Status.SUCCEEDED;
        });

    client.resume(runId, "finance", "ok by finance");
    RunStatus done = client.awaitCompletion(runId, WAIT);
    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(client.stepResult(done, "done", String.class).output())
        .isEqualTo("ok by legal & ok by finance");
  }

  @Test
  void resumingAStepThatIsNotSuspendedIsAClearError() {
    Stepwise engine = engine();
    WorkflowClient client = engine.register(new ApprovalFlow.Definition(new ApprovalFlow()));
    engine.start();
    String runId = client.start("o", StartOptions.defaults());
    client.awaitSettled(runId, WAIT);

    assertThatThrownBy(() -> client.resume(runId, "ship", new Decision(true, "x")))
        .isInstanceOf(NotSuspendedException.class)
        .hasMessageContaining(runId)
        .hasMessageContaining("\"ship\"")
        .hasMessageContaining("not reached yet");
    client.resume(runId, "approve", new Decision(false, "Bob"));
    client.awaitCompletion(runId, WAIT);
    assertThatThrownBy(() -> client.resume(runId, "approve", new Decision(true, "x")))
        .isInstanceOf(NotSuspendedException.class)
        .hasMessageContaining("\"approve\"")
        .hasMessageContaining("SUCCEEDED");
    assertThatThrownBy(() -> client.resume("no-such-run", "approve", new Decision(true, "x")))
        .isInstanceOf(RunNotFoundException.class)
        .hasMessageContaining("no-such-run");
  }

  @Test
  void ofTwoConcurrentResumesOfOneStepExactlyOneWins() throws Exception {
    Stepwise engine = engine();
    ApprovalFlow flow = new ApprovalFlow();
    WorkflowClient client = engine.register(new ApprovalFlow.Definition(flow));
    engine.start();
    String runId = client.start("o", StartOptions.defaults());
    client.awaitSettled(runId, WAIT);

    List<Object> results =
        concurrently(
            2,
            i -> {
              try {
                client.resume(runId, "approve", new Decision(true, "resumer-" + i));
                return "won";
              } catch (NotSuspendedException e) {
                return e;
              }
            });

    assertThat(results).filteredOn("won"::equals).hasSize(1);
    assertThat(results).filteredOn(NotSuspendedException.class::isInstance).hasSize(1);
    RunStatus done = client.awaitCompletion(runId, WAIT);
    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(flow.approveCalls.get()).isEqualTo(2);
  }

  // ---- start

  @Test
  void callerGivenRunIdReturnsTheExistingRunEvenWhenStartedConcurrently() throws Exception {
    Stepwise engine = engine();
    ChainFlow flow = new ChainFlow();
    WorkflowClient client = engine.register(new ChainFlow.Definition(flow));
    engine.start();

    List<Object> ids =
        concurrently(
            8, i -> client.start(new Order("o" + i, 1), StartOptions.withRunId("order-42")));

    assertThat(new HashSet<>(ids)).containsExactly("order-42");
    assertThat(client.awaitCompletion("order-42", WAIT).status()).isEqualTo(Status.SUCCEEDED);
    assertThat(client.start(new Order("again", 1), StartOptions.withRunId("order-42")))
        .isEqualTo("order-42");
    assertThat(client.list(10)).hasSize(1);
    assertThat(flow.executions.get("reserve").get()).isEqualTo(1);
  }

  @Test
  void idempotencyKeyReturnsTheFirstRunEvenWhenStartedConcurrently() throws Exception {
    Stepwise engine = engine();
    WorkflowClient client = engine.register(new ChainFlow.Definition(new ChainFlow()));
    engine.start();

    List<Object> ids =
        concurrently(
            8, i -> client.start(new Order("o" + i, 1), StartOptions.withIdempotencyKey("key-1")));

    Set<Object> distinct = new HashSet<>(ids);
    assertThat(distinct).hasSize(1);
    String runId = (String) distinct.iterator().next();
    assertThat(client.start(new Order("later", 1), StartOptions.withIdempotencyKey("key-1")))
        .isEqualTo(runId);
    assertThat(client.start(new Order("other", 1), StartOptions.withIdempotencyKey("key-2")))
        .isNotEqualTo(runId);
    assertThat(client.list(10)).hasSize(2);
  }

  @Test
  void inputThatCannotBeStoredAsJsonIsRefusedBeforeAnythingIsStored() {
    Stepwise engine = engine();
    WorkflowClient client = engine.register(new ChainFlow.Definition(new ChainFlow()));

    assertThatThrownBy(() -> client.start(new Object(), StartOptions.withRunId("bad-input")))
        .isInstanceOf(StepwiseException.class)
        .hasMessageContaining("JSON");
    assertThat(client.list(10)).isEmpty();
  }

  @Test
  void startIsAtomicNoRunIsStoredWhenItsStepsCannotBe() {
    Stepwise engine = engine();
    WorkflowClient client = engine.register(new TooLongStepIdFlow());

    assertThatThrownBy(() -> client.start("x", StartOptions.withRunId("half-written")))
        .isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> client.status("half-written"))
        .isInstanceOf(RunNotFoundException.class)
        .hasMessageContaining("half-written")
        .hasMessageContaining("too-long");
  }

  // ---- cancel, wait, versions

  @Test
  void cancelStopsTheRunLetsTheRunningStepFinishAndStartsNothingNew() throws Exception {
    BlockingFlow flow = new BlockingFlow();
    Stepwise engine = engine();
    WorkflowClient client = engine.register(new BlockingFlow.Definition(flow));
    RunStatus s = cancelWhileSlowRunsThenLetItFinish(engine, client, flow);
    String runId = s.runId();
    assertThat(s.status()).isEqualTo(Status.CANCELLED);
    // Never reached, and never will be: shown cancelled, with no row behind it.
    StepStatus last = s.step("last").orElseThrow();
    assertThat(last.status()).isEqualTo(Status.CANCELLED);
    assertThat(last.attempts()).isZero();
    assertThat(last.startedAt()).isNull();
    assertThat(flow.lastCalls.get()).isZero();
    assertThat(client.cancel(runId)).isFalse();
  }

  @Test
  void aLastStepFinishingAfterItsRunWasCancelledIsRecordedAndTheRunStaysCancelled()
      throws Exception {
    BlockingFlow flow = new BlockingFlow();
    Stepwise engine = engine();
    WorkflowClient client = engine.register(BlockingFlow.Definition.endingAtSlow(flow));
    RunStatus s = cancelWhileSlowRunsThenLetItFinish(engine, client, flow);
    assertThat(s.status()).isEqualTo(Status.CANCELLED);
    assertThat(client.stepResult(s, "slow", String.class).output())
        .isEqualTo("x slow on attempt 1");
  }

  /**
   * Starts a run of a blocking flow, cancels it while its step slow runs, lets slow finish and
   * returns the run once finished, with slow recorded.
   */
  private RunStatus cancelWhileSlowRunsThenLetItFinish(
      Stepwise engine, WorkflowClient client, BlockingFlow flow) throws Exception {
    releasedAfter(flow.release);
    engine.start();
    String runId = client.start("x", StartOptions.defaults());
    assertThat(flow.slowStarted.await(30, TimeUnit.SECONDS)).isTrue();

    assertThat(client.cancel(runId)).isTrue();
    assertThat(client.status(runId).status()).isEqualTo(Status.CANCELLED);
    flow.release.countDown();
    Await.until(
        "the running step is recorded",
        WAIT,
        () -> client.status(runId).step("slow").orElseThrow().status() == Status.SUCCEEDED);
    return client.awaitCompletion(runId, WAIT);
  }

  @Test
  void cancelOfASuspendedRunCancelsTheSuspendedStep() {
    Stepwise engine = engine();
    WorkflowClient client = engine.register(new ApprovalFlow.Definition(new ApprovalFlow()));
    engine.start();
    String runId = client.start("o", StartOptions.defaults());
    client.awaitSettled(runId, WAIT);

    assertThat(client.cancel(runId)).isTrue();
    RunStatus s = client.status(runId);
    assertThat(s.status()).isEqualTo(Status.CANCELLED);
    assertThat(s.step("approve").orElseThrow().status()).isEqualTo(Status.CANCELLED);
    assertThatThrownBy(() -> client.resume(runId, "approve", new Decision(true, "late")))
        .isInstanceOf(NotSuspendedException.class)
        .hasMessageContaining("CANCELLED");
  }

  @Test
  void awaitCompletionTimesOutNamingTheRunAndItsStatus() throws Exception {
    Stepwise engine = engine();
    BlockingFlow flow = new BlockingFlow();
    releasedAfter(flow.release);
    WorkflowClient client = engine.register(new BlockingFlow.Definition(flow));
    engine.start();
    String runId = client.start("x", StartOptions.defaults());
    assertThat(flow.slowStarted.await(30, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> client.awaitCompletion(runId, Duration.ofMillis(200)))
        .isInstanceOf(AwaitTimeoutException.class)
        .hasMessageContaining(runId)
        .hasMessageContaining("RUNNING");
    flow.release.countDown();
    assertThat(client.awaitCompletion(runId, null).status()).isEqualTo(Status.SUCCEEDED);
    assertThatThrownBy(() -> client.status("missing"))
        .isInstanceOf(RunNotFoundException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void runStartedUnderAnotherGraphVersionFailsWithAClearError() {
    Stepwise old = engine(); // stores the run, never executes it
    String runId =
        old.register(new BlockingFlow.Definition(new BlockingFlow("v1")))
            .start("x", StartOptions.defaults());
    old.close();

    Stepwise deployed = engine();
    WorkflowClient client = deployed.register(new BlockingFlow.Definition(new BlockingFlow("v2")));
    deployed.start();
    RunStatus s = client.awaitCompletion(runId, WAIT);

    assertThat(s.status()).isEqualTo(Status.FAILED);
    assertThat(s.error().message())
        .contains("run " + runId + " started with graph version v1")
        .contains("has version v2");
  }

  // ---- leases and crashes

  @Test
  void expiredLeaseIsTakenOverByAnotherEngineAndTheStepCompletesOnce() throws Exception {
    BlockingFlow flow = new BlockingFlow();
    releasedAfter(flow.release);
    Duration lease = Duration.ofMillis(600);
    Stepwise a =
        engine(b -> b.nodeId("node-a").lease(lease).shutdownTimeout(Duration.ofMillis(50)));
    WorkflowClient ca = a.register(new BlockingFlow.Definition(flow));
    a.start();
    String runId = ca.start("x", StartOptions.defaults());
    assertThat(flow.slowStarted.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(ca.status(runId).step("slow").orElseThrow().status()).isEqualTo(Status.RUNNING);
    a.close(); // its worker stays blocked; its heartbeat stops, so the lease runs out

    Stepwise b = engine(bb -> bb.nodeId("node-b").lease(lease));
    WorkflowClient cb = b.register(new BlockingFlow.Definition(flow));
    b.start();
    RunStatus s = cb.awaitCompletion(runId, WAIT);

    assertThat(s.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(s.step("slow").orElseThrow().attempts()).isEqualTo(2);
    assertThat(cb.stepResult(s, "slow", String.class).output()).isEqualTo("x slow on attempt 2");

    // Node a's worker now returns; its fenced update must be dropped.
    flow.release.countDown();
    assertThat(flow.firstAttemptReturned.await(30, TimeUnit.SECONDS)).isTrue();
    Await.until("node a's worker has finished", WAIT, () -> !workerAlive("node-a"));
    RunStatus after = cb.status(runId);
    assertThat(cb.stepResult(after, "slow", String.class).output())
        .isEqualTo("x slow on attempt 2");
    assertThat(after.step("slow").orElseThrow().attempts()).isEqualTo(2);
    assertThat(flow.lastCalls.get()).isEqualTo(1);
  }

  private static boolean workerAlive(String nodeId) {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().startsWith("stepwise-worker-" + nodeId + "-") && t.isAlive());
  }

  @Test
  void runOfAKilledJvmFinishesAfterRestartWithoutRepeatingCompletedSteps() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "kill-").toAbsolutePath();
    String runId = "kill-" + UUID.randomUUID();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(KillChild.class.getName());
    command.add(dir.toString());
    command.add(runId);
    command.addAll(database.childArguments(dir.resolve("db")));
    Path childLog = dir.resolve("child.log");
    Process child =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(childLog.toFile())
            .start();
    try {
      Await.until(
          () -> "the child runs step two; child output:\n" + read(childLog),
          Duration.ofSeconds(60),
          () -> Files.exists(dir.resolve("two.started")));
      whileChildRuns(runId);
    } finally {
      child.destroyForcibly(); // kill -9: no shutdown hook, no close()
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(lines(dir, "one")).containsExactly("attempt=1 pid=" + child.pid());
    assertThat(lines(dir, "two")).containsExactly("attempt=1 pid=" + child.pid());

    Stepwise.Builder restart = restartAfterKill(dir.resolve("db")).lease(Duration.ofSeconds(1));
    try (Stepwise engine = restart.build()) {
      WorkflowClient client = engine.register(new KillFlow.Definition(new KillFlow(dir, false)));
      engine.start();
      RunStatus s = client.awaitCompletion(runId, WAIT);

      assertThat(s.status()).isEqualTo(Status.SUCCEEDED);
      long me = ProcessHandle.current().pid();
      assertThat(lines(dir, "one")).as("step one ran exactly once").hasSize(1);
      assertThat(lines(dir, "two"))
          .containsExactly("attempt=1 pid=" + child.pid(), "attempt=2 pid=" + me);
      assertThat(lines(dir, "three")).containsExactly("attempt=1 pid=" + me);
      assertThat(s.step("two").orElseThrow().attempts()).isEqualTo(2);
      assertThat(client.stepResult(s, "three", String.class).output())
          .isEqualTo("input>one>two@2>three");
    }
    deleteRecursively(dir); // kept when the test fails, for its child.log and markers
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static List<String> lines(Path dir, String step) throws IOException {
    Path f = dir.resolve(step + ".log");
    return Files.exists(f) ? Files.readAllLines(f) : List.of();
  }

  private static String read(Path f) {
    try {
      return Files.exists(f) ? Files.readString(f) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** A builder on the same database the kill child used. */
  private Stepwise.Builder restartAfterKill(Path dbDir) {
    return switch (database.kind()) {
      case H2 -> Stepwise.builder().embedded(dbDir);
      case POSTGRES -> Stepwise.builder().dataSource(dataSource()).schema(schema);
    };
  }

  /**
   * Checks the run's rows while the child still runs, where the database allows: PostgreSQL can be
   * read while the child lives, H2's file is the child's until it is killed.
   */
  private void whileChildRuns(String runId) {
    if (database.kind() != DatabaseKind.POSTGRES) {
      return;
    }
    // Step one is committed, step two is leased.
    Stepwise observer = engine(); // never started
    WorkflowClient client =
        observer.register(new KillFlow.Definition(new KillFlow(Path.of("."), false)));
    RunStatus s = client.status(runId);
    assertThat(s.step("one").orElseThrow().status()).isEqualTo(Status.SUCCEEDED);
    assertThat(s.step("two").orElseThrow().status()).isEqualTo(Status.RUNNING);
    assertThat(s.step("two").orElseThrow().attempts()).isEqualTo(1);
  }

  // ---- helpers

  /** Runs {@code n} calls at once (released together) and returns their results. */
  protected static List<Object> concurrently(int n, IndexedCall call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        Callable<Object> task =
            () -> {
              go.await();
              return call.call(index);
            };
        futures.add(pool.submit(task));
      }
      go.countDown();
      List<Object> results = new ArrayList<>();
      for (Future<Object> f : futures) {
        results.add(f.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** A call made by {@link #concurrently}. */
  @FunctionalInterface
  protected interface IndexedCall {
    Object call(int index) throws Exception;
  }

  /** A workflow whose root step id does not fit the column: its start must store nothing. */
  private static final class TooLongStepIdFlow implements WorkflowDefinition {
    private static final WorkflowGraph GRAPH =
        new WorkflowGraph(
            "too-long",
            "v1",
            List.of(
                new StepSpec(
                    "s".repeat(300),
                    List.of(),
                    dev.stepwise.Join.ALL,
                    RetryPolicy.NONE,
                    null,
                    null,
                    false)),
            null,
            "");

    @Override
    public WorkflowGraph graph() {
      return GRAPH;
    }

    @Override
    public Object invokeStep(String stepId, StepInvocation in) {
      return null;
    }

    @Override
    public boolean evaluateCondition(String name, StepInvocation in) {
      return true;
    }
  }

  /** root -> (legal, finance) -> done, where legal and finance each wait for a decision. */
  private static final class TwoApprovalsFlow implements WorkflowDefinition {
    private static final WorkflowGraph GRAPH =
        new WorkflowGraph(
            "two-approvals",
            "v1",
            List.of(
                ForkFailFlow.spec("root"),
                ForkFailFlow.spec("legal", "root"),
                ForkFailFlow.spec("finance", "root"),
                ForkFailFlow.spec("done", "legal", "finance")),
            "done",
            "");

    @Override
    public WorkflowGraph graph() {
      return GRAPH;
    }

    @Override
    public Object invokeStep(String stepId, StepInvocation in) {
      return switch (stepId) {
        case "legal", "finance" ->
            in.resumePayload(String.class)
                .orElseGet(() -> in.context().suspend(stepId + " must approve"));
        case "done" ->
            in.output("legal", String.class) + " & " + in.output("finance", String.class);
        default -> stepId;
      };
    }

    @Override
    public boolean evaluateCondition(String name, StepInvocation in) {
      return true;
    }
  }

  /**
   * root -> (boom, busy, park); busy -> after. boom fails for good while busy is running and park
   * is suspended.
   */
  private static final class ForkFailFlow implements WorkflowDefinition {
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch busyStarted = new CountDownLatch(1);
    final CountDownLatch parkSuspending = new CountDownLatch(1);
    private static final WorkflowGraph GRAPH =
        new WorkflowGraph(
            "fork-fail",
            "v1",
            List.of(
                spec("root"),
                spec("busy", "root"),
                spec("park", "root"),
                spec("boom", "root"),
                spec("after", "busy")),
            null,
            "");

    private static StepSpec spec(String id, String... after) {
      return new StepSpec(
          id, List.of(after), dev.stepwise.Join.ALL, RetryPolicy.NONE, null, null, false);
    }

    @Override
    public WorkflowGraph graph() {
      return GRAPH;
    }

    @Override
    public Object invokeStep(String stepId, StepInvocation in) throws Exception {
      switch (stepId) {
        case "busy" -> {
          busyStarted.countDown();
          release.await(30, TimeUnit.SECONDS);
          return "busy done";
        }
        case "park" -> {
          parkSuspending.countDown();
          return in.context().suspend("parked");
        }
        case "boom" -> {
          // Fail only once the other branches are running or parked.
          // Whichever of park's and boom's commits comes first, park ends CANCELLED.
          busyStarted.await(30, TimeUnit.SECONDS);
          parkSuspending.await(30, TimeUnit.SECONDS);
          throw new IllegalStateException("boom");
        }
        default -> {
          return stepId;
        }
      }
    }

    @Override
    public boolean evaluateCondition(String name, StepInvocation in) {
      return true;
    }
  }
}
