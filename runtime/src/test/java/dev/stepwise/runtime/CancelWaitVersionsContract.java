package dev.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.runtime.flows.ApprovalFlow;
import dev.stepwise.runtime.flows.ApprovalFlow.Decision;
import dev.stepwise.runtime.flows.BlockingFlow;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.testing.Await;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Cancelling a run, waiting for one, and a run started under another graph version. */
abstract class CancelWaitVersionsContract extends EngineContract {
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
}
