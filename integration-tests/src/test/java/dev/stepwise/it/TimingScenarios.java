package dev.stepwise.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.it.flows.CancelFlow;
import dev.stepwise.it.flows.CancelFlowResult;
import dev.stepwise.it.flows.CancelFlowRunner;
import dev.stepwise.it.flows.SequentialFlow;
import dev.stepwise.it.flows.SequentialFlowResult;
import dev.stepwise.it.flows.SequentialFlowRunner;
import dev.stepwise.it.flows.TimeoutFlow;
import dev.stepwise.it.flows.TimeoutFlow.Plan;
import dev.stepwise.it.flows.TimeoutFlowResult;
import dev.stepwise.it.flows.TimeoutFlowRunner;
import dev.stepwise.it.flows.TimerFlow;
import dev.stepwise.it.flows.TimerFlowResult;
import dev.stepwise.it.flows.TimerFlowRunner;
import dev.stepwise.runtime.AwaitTimeoutException;
import dev.stepwise.runtime.NotSuspendedException;
import dev.stepwise.runtime.RunNotFoundException;
import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepTimeoutException;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.testing.Await;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Cancel, durable timers ({@code @After(delay)}) and step timeouts ({@code @Step(timeout)}). */
interface TimingScenarios extends Scenario {

  @Test
  default void cancelMarksPendingWaitingAndSuspendedStepsCancelledAndIsANoOpOnceFinished() {
    Stepwise engine = engine();
    CancelFlowRunner runner = new CancelFlowRunner(engine, new CancelFlow());
    engine.start();

    CancelFlowResult parked = runner.start();
    assertThat(parked.status()).isEqualTo(Status.SUSPENDED);
    assertThat(parked.timer().status()).isEqualTo(Status.WAITING);
    String runId = parked.runId();

    assertThat(runner.cancel(runId)).isTrue();

    CancelFlowResult cancelled = runner.result(runId);
    assertThat(cancelled.status()).isEqualTo(Status.CANCELLED);
    assertThat(cancelled.start().status()).isEqualTo(Status.SUCCEEDED);
    assertThat(cancelled.timer().status()).isEqualTo(Status.CANCELLED);
    assertThat(cancelled.park().status()).isEqualTo(Status.CANCELLED);
    // Not reached, and never will be: shown cancelled rather than pending.
    assertThat(cancelled.later().status()).isEqualTo(Status.CANCELLED);
    assertThat(runner.awaitCompletion(runId, WAIT).status()).isEqualTo(Status.CANCELLED);

    // A second cancel is a clear no-op, and a cancelled step cannot be resumed.
    assertThat(runner.cancel(runId)).isFalse();
    assertThat(runner.result(runId).status()).isEqualTo(Status.CANCELLED);
    assertThatThrownBy(() -> runner.resumePark(runId, "go"))
        .isInstanceOf(NotSuspendedException.class)
        .hasMessageContaining("its status is CANCELLED");
    assertThatThrownBy(() -> runner.cancel("no-such-run")).isInstanceOf(RunNotFoundException.class);
  }

  @Test
  default void cancellingASucceededRunChangesNothing() {
    Stepwise engine = engine();
    SequentialFlowRunner runner = new SequentialFlowRunner(engine, new SequentialFlow());
    engine.start();
    SequentialFlowResult done = runner.start("x");
    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);

    assertThat(runner.cancel(done.runId())).isFalse();

    SequentialFlowResult after = runner.result(done.runId());
    assertThat(after.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(after.third().status()).isEqualTo(Status.SUCCEEDED);
    assertThat(after.output()).isEqualTo(done.output());
  }

  @Test
  default void aDurableTimerWaitsInTheDatabaseAndSurvivesARestartWithoutResettingTheClock() {
    Stepwise first = engine();
    TimerFlowRunner runner = new TimerFlowRunner(first, new TimerFlow());
    first.start();

    TimerFlowResult waiting = runner.start("ann");
    // start() returns once the run waits: nothing runs until the timer fires.
    assertThat(waiting.status()).isEqualTo(Status.WAITING);
    assertThat(waiting.remind().status()).isEqualTo(Status.WAITING);
    Instant signedUp = waiting.signup().finishedAt();
    String runId = waiting.runId();
    first.close();

    // Restart a third of the way into the delay; the timer keeps its original due time.
    Instant restartAt = signedUp.plusSeconds(2);
    Await.until("two seconds have passed", WAIT, () -> Instant.now().isAfter(restartAt));
    Stepwise second = engine();
    TimerFlowRunner again = new TimerFlowRunner(second, new TimerFlow());
    Instant restarted = Instant.now();
    assertThat(again.result(runId).remind().status()).isEqualTo(Status.WAITING);
    second.start();

    TimerFlowResult done = again.awaitCompletion(runId, WAIT);
    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(done.output()).isEqualTo("reminded ann");
    Instant fired = done.remind().startedAt();
    assertThat(fired).isAfterOrEqualTo(signedUp.plusSeconds(6));
    // Had the restart reset the clock, it would fire 6s after the restart (8s after signup).
    assertThat(fired).isBefore(restarted.plusSeconds(6));
  }

  @Test
  default void aStartWithATimeoutReturnsTheSettledRunOrSaysItIsStillGoing() {
    Stepwise engine = engine();
    TimeoutFlow flow = new TimeoutFlow();
    TimeoutFlowRunner runner = new TimeoutFlowRunner(engine, flow);
    engine.start();
    try {
      TimeoutFlowResult quick = runner.start(new Plan(0, false), StartOptions.defaults(), WAIT);
      assertThat(quick.output()).isEqualTo("done on attempt 1");
      TimeoutFlowResult json =
          runner.startJson(
              "{\"blockingAttempts\":0,\"stubborn\":false}", StartOptions.defaults(), WAIT);
      assertThat(json.output()).isEqualTo("done on attempt 1");

      // The first attempt blocks until its 300ms timeout: a wait of 50ms cannot see it settled.
      assertThatThrownBy(
              () ->
                  runner.start(
                      new Plan(1, false),
                      StartOptions.withRunId("still-going"),
                      Duration.ofMillis(50)))
          .isInstanceOf(AwaitTimeoutException.class)
          .hasMessageContaining("Run still-going of workflow \"it-timeout\" is not settled")
          .hasMessageContaining("it is RUNNING");
      // The run goes on.
      assertThat(runner.awaitCompletion("still-going", WAIT).output())
          .isEqualTo("done on attempt 2");
    } finally {
      flow.release.countDown();
    }
  }

  @Test
  default void aStepPastItsTimeoutIsInterruptedFailedAndRetried() {
    Stepwise engine = engine();
    TimeoutFlow flow = new TimeoutFlow();
    TimeoutFlowRunner runner = new TimeoutFlowRunner(engine, flow);
    engine.start();
    try {
      TimeoutFlowResult r = runner.start(new Plan(1, false));

      assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
      assertThat(r.slow().attempts()).isEqualTo(2);
      assertThat(r.output()).isEqualTo("done on attempt 2");
      Await.until("the first attempt was interrupted", WAIT, () -> flow.interrupted.get() == 1);
    } finally {
      flow.release.countDown();
    }
  }

  @Test
  default void aStepThatIgnoresTheInterruptStillFreesItsWorker() {
    Stepwise engine = engine(b -> b.workers(1));
    TimeoutFlow flow = new TimeoutFlow();
    TimeoutFlowRunner runner = new TimeoutFlowRunner(engine, flow);
    engine.start();
    try {
      TimeoutFlowResult failed = runner.start(new Plan(2, true));
      assertThat(failed.status()).isEqualTo(Status.FAILED);
      assertThat(failed.slow().attempts()).isEqualTo(2);
      assertThat(failed.slow().error().type()).isEqualTo(StepTimeoutException.class.getName());
      assertThat(failed.slow().error().message())
          .isEqualTo("Step \"slow\" ran longer than its timeout of PT0.3S and was stopped");

      // Both stubborn attempts still hold their own threads, yet the single worker is free.
      TimeoutFlowResult next = runner.startAsync(new Plan(0, false)).awaitCompletion(WAIT);
      assertThat(next.status()).isEqualTo(Status.SUCCEEDED);
    } finally {
      flow.release.countDown();
    }
  }
}
