package dev.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.flows.ApprovalFlow;
import dev.stepwise.runtime.flows.ApprovalFlow.Decision;
import dev.stepwise.runtime.flows.BlockingFlow;
import dev.stepwise.runtime.flows.RetryFlow;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.runtime.spi.observe.AttemptEnd;
import dev.stepwise.runtime.spi.observe.RunFinish;
import dev.stepwise.runtime.spi.observe.RunStartObservation;
import dev.stepwise.runtime.spi.observe.StepAttempt;
import dev.stepwise.runtime.spi.observe.StepObservation;
import dev.stepwise.runtime.spi.observe.StepwiseObserver;
import dev.stepwise.testing.Await;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What an observer sees (the SPI the metrics and tracing modules are built on): every attempt with
 * its outcome and the context its run stored, on whichever node runs it; finished runs; expired
 * leases; and an observer that throws changes nothing.
 */
abstract class ObserverContract extends EngineContract {

  /** Records everything; stores {@code seen-by=<name>} with every run it sees started. */
  static final class Recording implements StepwiseObserver {
    final String name;
    final List<String> starts = new CopyOnWriteArrayList<>();
    final List<StepAttempt> attempts = new CopyOnWriteArrayList<>();
    final List<String> ends = new CopyOnWriteArrayList<>();
    final List<RunFinish> finished = new CopyOnWriteArrayList<>();
    final AtomicInteger expired = new AtomicInteger();

    Recording(String name) {
      this.name = name;
    }

    @Override
    public RunStartObservation runStarting(String workflow) {
      return new RunStartObservation() {
        @Override
        public Map<String, String> context() {
          return Map.of("seen-by", name);
        }

        @Override
        public void started(String runId, boolean created) {
          starts.add(workflow + " " + runId + " created=" + created);
        }
      };
    }

    @Override
    public StepObservation stepStarting(StepAttempt attempt) {
      attempts.add(attempt);
      return end -> ends.add(describe(attempt, end));
    }

    private static String describe(StepAttempt a, AttemptEnd end) {
      return a.execution()
          + "#"
          + a.attempt()
          + " "
          + end.status()
          + (end.retrying() ? " retrying" : "")
          + (end.errorType() == null ? "" : " " + end.errorType());
    }

    @Override
    public void runFinished(RunFinish finish) {
      finished.add(finish);
    }

    @Override
    public void leasesExpired(int steps) {
      expired.addAndGet(steps);
    }
  }

  /** Throws from every method it can. */
  static final class Throwing implements StepwiseObserver {
    @Override
    public RunStartObservation runStarting(String workflow) {
      throw new IllegalStateException("observer broken at start");
    }

    @Override
    public StepObservation stepStarting(StepAttempt attempt) {
      return end -> {
        throw new IllegalStateException("observer broken at the end of an attempt");
      };
    }

    @Override
    public void runFinished(RunFinish finish) {
      throw new IllegalStateException("observer broken at the finish");
    }

    @Override
    public void stepsClaimed(String queue, int claimed, Duration latency) {
      throw new IllegalStateException("observer broken at a claim");
    }
  }

  @Test
  void everyAttemptIsSeenWithItsOutcomeAndTheRunFinishes() {
    Recording seen = new Recording("a");
    Stepwise engine = engine(b -> b.observer(seen));
    WorkflowClient client = engine.register(new RetryFlow.Definition(new RetryFlow()));
    engine.start();

    String runId = client.start(2, StartOptions.defaults());
    assertThat(client.awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    Await.until("the last attempt is seen", WAIT, () -> seen.ends.size() == 4);

    assertThat(seen.starts).containsExactly("retry " + runId + " created=true");
    assertThat(seen.ends)
        .containsExactly(
            "flaky#1 FAILED retrying java.io.IOException",
            "flaky#2 FAILED retrying java.io.IOException",
            "flaky#3 SUCCEEDED",
            "done#1 SUCCEEDED");
    assertThat(seen.attempts)
        .allSatisfy(
            a -> {
              assertThat(a.runId()).isEqualTo(runId);
              assertThat(a.workflow()).isEqualTo("retry");
              assertThat(a.runContext()).isEqualTo(Map.of("seen-by", "a"));
            });
    assertThat(seen.finished).hasSize(1);
    RunFinish finish = seen.finished.get(0);
    assertThat(finish.runId()).isEqualTo(runId);
    assertThat(finish.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(finish.duration()).isPositive();
  }

  @Test
  void theContextStoredAtStartReachesTheStepsOfAnotherNodeAndOfAResume() throws Exception {
    Recording onA = new Recording("a");
    Stepwise a = engine(b -> b.nodeId("node-a").observer(onA)); // never started
    String runId =
        a.register(new ApprovalFlow.Definition(new ApprovalFlow()))
            .start("order-1", StartOptions.defaults());
    assertThat(storedContext(runId)).isEqualTo("{\"seen-by\":\"a\"}");

    Recording onB = new Recording("b");
    Stepwise b = engine(bb -> bb.nodeId("node-b").observer(onB));
    WorkflowClient cb = b.register(new ApprovalFlow.Definition(new ApprovalFlow()));
    b.start();
    assertThat(cb.awaitSettled(runId, WAIT).status()).isEqualTo(Status.SUSPENDED);
    cb.resume(runId, "approve", new Decision(true, "Ann"));
    assertThat(cb.awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    Await.until("ship is seen", WAIT, () -> onB.ends.size() == 4);

    assertThat(onA.attempts).isEmpty();
    assertThat(onB.starts).isEmpty();
    assertThat(onB.ends)
        .containsExactly(
            "prepare#1 SUCCEEDED",
            "approve#1 SUSPENDED",
            "approve#2 SUCCEEDED",
            "ship#1 SUCCEEDED");
    assertThat(onB.attempts)
        .allSatisfy(
            s -> {
              assertThat(s.node()).isEqualTo("node-b");
              assertThat(s.runContext()).isEqualTo(Map.of("seen-by", "a"));
            });
  }

  @Test
  void aForkIsStartedWithAContextOfItsOwn() throws Exception {
    Recording first = new Recording("first");
    Stepwise engine = engine(b -> b.observer(first));
    WorkflowClient client = engine.register(new RetryFlow.Definition(new RetryFlow()));
    engine.start();
    String source = client.start(0, StartOptions.defaults());
    assertThat(client.awaitCompletion(source, WAIT).status()).isEqualTo(Status.SUCCEEDED);

    String fork = client.fork(source, ForkOptions.from("done").runId("forked-1"));
    assertThat(client.awaitCompletion(fork, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    Await.until("the fork's step is seen", WAIT, () -> first.ends.size() == 3);

    assertThat(first.starts)
        .containsExactly("retry " + source + " created=true", "retry forked-1 created=true");
    assertThat(storedContext(fork)).isEqualTo("{\"seen-by\":\"first\"}");
    assertThat(first.attempts.get(2).runId()).isEqualTo(fork);
    assertThat(first.attempts.get(2).runContext()).isEqualTo(Map.of("seen-by", "first"));
  }

  @Test
  void withoutObserversARunStoresNoContext() throws Exception {
    Stepwise engine = engine();
    WorkflowClient client = engine.register(new RetryFlow.Definition(new RetryFlow()));
    engine.start();
    String runId = client.start(0, StartOptions.defaults());
    assertThat(client.awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);

    assertThat(storedContext(runId)).isNull();
  }

  @Test
  void anObserverThatThrowsChangesNothingTheEngineDoes() throws Exception {
    Recording seen = new Recording("after");
    Stepwise engine = engine(b -> b.observer(new Throwing()).observer(seen));
    WorkflowClient client = engine.register(new RetryFlow.Definition(new RetryFlow()));
    engine.start();

    String runId = client.start(1, StartOptions.defaults());

    assertThat(client.awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    // The observer after the broken one still sees everything, context included.
    Await.until("the last attempt is seen", WAIT, () -> seen.ends.size() == 3);
    assertThat(seen.finished).extracting(RunFinish::status).containsExactly(Status.SUCCEEDED);
    assertThat(storedContext(runId)).isEqualTo("{\"seen-by\":\"after\"}");
  }

  @Test
  void aCancelledRunIsSeenFinishedAsCancelled() {
    Recording seen = new Recording("a");
    Stepwise engine = engine(b -> b.observer(seen));
    WorkflowClient client = engine.register(new ApprovalFlow.Definition(new ApprovalFlow()));
    engine.start();
    String runId = client.start("order-2", StartOptions.defaults());
    assertThat(client.awaitSettled(runId, WAIT).status()).isEqualTo(Status.SUSPENDED);

    assertThat(client.cancel(runId)).isTrue();

    assertThat(seen.finished).extracting(RunFinish::status).containsExactly(Status.CANCELLED);
  }

  @Test
  void anExpiredLeaseIsSeenByTheNodeThatPutsItBack() throws Exception {
    BlockingFlow flow = new BlockingFlow();
    releasedAfter(flow.release);
    Duration lease = Duration.ofMillis(600);
    Stepwise a =
        engine(b -> b.nodeId("node-a").lease(lease).shutdownTimeout(Duration.ofMillis(50)));
    WorkflowClient ca = a.register(new BlockingFlow.Definition(flow));
    a.start();
    String runId = ca.start("x", StartOptions.defaults());
    assertThat(flow.slowStarted.await(30, TimeUnit.SECONDS)).isTrue();
    a.close(); // its worker stays blocked; its heartbeat stops, so the lease runs out

    Recording seen = new Recording("b");
    Stepwise b = engine(bb -> bb.nodeId("node-b").lease(lease).observer(seen));
    WorkflowClient cb = b.register(new BlockingFlow.Definition(flow));
    b.start();
    assertThat(cb.awaitCompletion(runId, WAIT).status()).isEqualTo(Status.SUCCEEDED);

    assertThat(seen.expired.get()).isEqualTo(1);
  }

  private String storedContext(String runId) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT run_context FROM " + schema + ".sw_runs WHERE id = '" + runId + "'")) {
      assertThat(r.next()).isTrue();
      return r.getString(1);
    }
  }
}
