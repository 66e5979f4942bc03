package dev.stepwise.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.it.flows.EventFlow;
import dev.stepwise.it.flows.EventFlow.Approval;
import dev.stepwise.it.flows.EventFlowResult;
import dev.stepwise.it.flows.EventFlowRunner;
import dev.stepwise.it.flows.EventTimeoutFlow;
import dev.stepwise.it.flows.EventTimeoutFlowResult;
import dev.stepwise.it.flows.EventTimeoutFlowRunner;
import dev.stepwise.runtime.EventTimeoutException;
import dev.stepwise.runtime.RunHandle;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.runtime.StepwiseException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Mastra's events: a step waits for a typed event; an early event is kept; timeouts. */
interface EventScenarios extends Scenario {

  @Test
  default void aStepWaitsForItsEventAndRunsWithThePayload() {
    Stepwise engine = engine();
    EventFlowRunner runner = new EventFlowRunner(engine, new EventFlow());
    engine.start();

    EventFlowResult waiting = runner.start("o-1");
    assertThat(waiting.status()).isEqualTo(Status.WAITING);
    assertThat(waiting.pay().status()).isEqualTo(Status.WAITING);
    assertThat(waiting.pay().attempts()).isZero();
    String runId = waiting.runId();

    assertThat(runner.sendApproved(runId, new Approval("ann", 120))).isTrue();
    // A second send of the same event is kept out: the first one counts.
    assertThat(runner.sendApproved(runId, new Approval("bob", 999))).isFalse();

    EventFlowResult done = runner.awaitCompletion(runId, WAIT);
    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(done.pay().output()).isEqualTo("o-1 paid 120 approved by ann");
    assertThat(done.pay().attempts()).isEqualTo(1);
    // Nobody escalated within a second: that step is skipped, as declared.
    assertThat(done.escalate().status()).isEqualTo(Status.SKIPPED);
    assertThat(done.output()).isEqualTo("o-1 paid 120 approved by ann; not escalated");

    assertThatThrownBy(() -> runner.sendApproved(runId, new Approval("late", 1)))
        .isInstanceOf(StepwiseException.class)
        .hasMessageContaining("is SUCCEEDED; event \"approved\" was not delivered");
  }

  @Test
  default void anEventSentBeforeTheRunReachesItsStepIsKept() {
    Stepwise engine = engine();
    CountDownLatch gate = new CountDownLatch(1);
    EventFlowRunner runner = new EventFlowRunner(engine, new EventFlow(gate));
    engine.start();
    try {
      RunHandle<EventFlowResult> run = runner.startAsync("o-2");
      // submit is still running: neither waiting step has been reached.
      assertThat(runner.sendEscalated(run.runId(), "carla")).isTrue();
      assertThat(runner.sendApproved(run.runId(), new Approval("dan", 7))).isTrue();
      assertThat(run.status().step("pay").orElseThrow().status()).isEqualTo(Status.PENDING);
      gate.countDown();

      EventFlowResult done = run.awaitCompletion(WAIT);
      assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
      assertThat(done.output()).isEqualTo("o-2 paid 7 approved by dan; escalated to carla");
    } finally {
      gate.countDown();
    }
  }

  @Test
  default void anEventThatDoesNotArriveInTimeFailsTheStepAsDeclared() {
    Stepwise engine = engine();
    EventTimeoutFlowRunner runner = new EventTimeoutFlowRunner(engine, new EventTimeoutFlow());
    engine.start();

    EventTimeoutFlowResult waiting = runner.start();
    assertThat(waiting.status()).isEqualTo(Status.WAITING);

    EventTimeoutFlowResult failed = runner.awaitCompletion(waiting.runId(), WAIT);
    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(failed.confirm().error().type()).isEqualTo(EventTimeoutException.class.getName());
    assertThat(failed.confirm().error().message())
        .isEqualTo("Step \"confirm\" waited PT0.5S for event \"confirmed\", which did not arrive");
    assertThat(failed.confirm().finishedAt())
        .isAfterOrEqualTo(waiting.run().createdAt().plusMillis(500));
  }
}
