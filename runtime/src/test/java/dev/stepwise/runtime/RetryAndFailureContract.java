package dev.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.flows.ForkFailFlow;
import dev.stepwise.runtime.flows.RetryFlow;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.testing.Await;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retries and failure: attempts, backoff, the stored error, and what a failure cancels. */
abstract class RetryAndFailureContract extends EngineContract {
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
  void aLaterRetryRunsWhenDueAfterAnEarlierOneEvenIfThePollIntervalIsLong() {
    // Nothing but the retry times can wake the dispatcher in time: no other node, a poll of an
    // hour, two retries pending at once. (DispatchSignalTest pins the cause of the stall this
    // guards against: once the earlier retry fell due, the later one was forgotten.)
    Stepwise engine = engine(b -> b.pollInterval(Duration.ofHours(1)));
    RetryFlow flow = new RetryFlow();
    WorkflowClient client = engine.register(new RetryFlow.Definition(flow));
    engine.start();

    String first = client.start(1, StartOptions.defaults());
    String second = client.start(1, StartOptions.defaults());

    assertThat(client.awaitCompletion(first, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    assertThat(client.awaitCompletion(second, WAIT).status()).isEqualTo(Status.SUCCEEDED);
    assertThat(flow.flakyCalls.get()).isEqualTo(4);
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
    assertThat(s.step("done").orElseThrow().status()).isEqualTo(Status.NOT_REACHED);
    assertThat(s.step("done").orElseThrow().attempts()).isZero();
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
    assertThat(client.status(runId).step("after").orElseThrow().status())
        .isEqualTo(Status.NOT_REACHED);
    assertThat(client.status(runId).step("after").orElseThrow().attempts()).isZero();
  }
}
