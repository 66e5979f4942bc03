package dev.stepwise.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.it.flows.RetryFlow;
import dev.stepwise.it.flows.RetryFlow.Plan;
import dev.stepwise.it.flows.RetryFlowResult;
import dev.stepwise.it.flows.RetryFlowRunner;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Mastra's retries: attempts counted, the class's default and a step's own policy. */
interface RetryScenarios extends Scenario {

  @Test
  default void retriesSucceedWithinTheirAttemptsAndCountThem() {
    Stepwise engine = engine();
    RetryFlow flow = new RetryFlow();
    RetryFlowRunner runner = new RetryFlowRunner(engine, flow);
    engine.start();

    RetryFlowResult r = runner.start(new Plan(2, 1, false));

    assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(r.flaky().attempts()).isEqualTo(3);
    assertThat(r.strict().attempts()).isEqualTo(2);
    assertThat(r.output()).isEqualTo("flaky ok on attempt 3, strict ok on attempt 2");
    assertThat(flow.flakyCalls).hasValue(3);
    assertThat(flow.strictCalls).hasValue(2);
  }

  @Test
  default void aStepThatExhaustsItsAttemptsFailsTheRun() {
    Stepwise engine = engine();
    RetryFlow flow = new RetryFlow();
    RetryFlowRunner runner = new RetryFlowRunner(engine, flow);
    engine.start();

    RetryFlowResult r = runner.start(new Plan(0, 5, false));

    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.strict().status()).isEqualTo(Status.FAILED);
    assertThat(r.strict().attempts()).isEqualTo(2);
    assertThat(r.strict().error().type()).isEqualTo(IOException.class.getName());
    assertThat(r.strict().error().message()).isEqualTo("strict failed on attempt 2");
    assertThat(r.run().failedStep()).isEqualTo("strict");
    assertThat(flow.strictCalls).hasValue(2);
  }

  @Test
  default void anAbortOnExceptionIsNotRetried() {
    Stepwise engine = engine();
    RetryFlow flow = new RetryFlow();
    RetryFlowRunner runner = new RetryFlowRunner(engine, flow);
    engine.start();

    RetryFlowResult r = runner.start(new Plan(0, 0, true));

    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.flaky().attempts()).isEqualTo(1);
    assertThat(r.flaky().error().type()).isEqualTo(IllegalStateException.class.getName());
    assertThat(r.strict().status()).isEqualTo(Status.NOT_REACHED);
    assertThat(flow.flakyCalls).hasValue(1);
  }

  @Test
  default void aFailedRunRetriedThroughItsRunnerRerunsOnlyTheFailedStepWithFreshAttempts() {
    Stepwise engine = engine();
    RetryFlow flow = new RetryFlow();
    RetryFlowRunner runner = new RetryFlowRunner(engine, flow);
    engine.start();
    RetryFlowResult failed = runner.start(new Plan(0, 5, false));
    assertThat(failed.status()).isEqualTo(Status.FAILED);

    assertThat(runner.retry(failed.run().runId())).isTrue();
    RetryFlowResult again = runner.awaitCompletion(failed.run().runId(), WAIT);

    // strict fails on its first five attempts: two more, counted from 1, and flaky is not rerun.
    assertThat(again.status()).isEqualTo(Status.FAILED);
    assertThat(again.strict().attempts()).isEqualTo(2);
    assertThat(flow.flakyCalls).hasValue(1);
    assertThat(flow.strictCalls).hasValue(4);
    assertThat(runner.errors(failed.run().runId(), "strict"))
        .extracting(e -> e.attempt() + ": " + e.error().message())
        .containsExactly(
            "1: strict failed on attempt 1",
            "2: strict failed on attempt 2",
            "1: strict failed on attempt 1",
            "2: strict failed on attempt 2");
  }
}
