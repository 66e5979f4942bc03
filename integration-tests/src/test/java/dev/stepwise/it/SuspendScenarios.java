package dev.stepwise.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.it.flows.ParallelSuspendFlow;
import dev.stepwise.it.flows.ParallelSuspendFlowResult;
import dev.stepwise.it.flows.ParallelSuspendFlowRunner;
import dev.stepwise.it.flows.SuspendFlow;
import dev.stepwise.it.flows.SuspendFlow.Score;
import dev.stepwise.it.flows.SuspendFlowResult;
import dev.stepwise.it.flows.SuspendFlowRunner;
import dev.stepwise.runtime.NotSuspendedException;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
import org.junit.jupiter.api.Test;

/** Mastra's suspend and resume: a payload, successive resumes, suspends in parallel branches. */
interface SuspendScenarios extends Scenario {

  @Test
  default void suspendWithPayloadAndTwoSuccessiveResumes() {
    Stepwise engine = engine();
    SuspendFlow flow = new SuspendFlow();
    SuspendFlowRunner runner = new SuspendFlowRunner(engine, flow);
    engine.start();

    SuspendFlowResult first = runner.start("otters");
    assertThat(first.status()).isEqualTo(Status.SUSPENDED);
    assertThat(first.draft().status()).isEqualTo(Status.SUSPENDED);
    assertThat(first.draft().suspendReason()).isEqualTo("need a prompt for otters");
    assertThat(first.review().status()).isEqualTo(Status.PENDING);
    String runId = first.runId();

    // First resume: draft runs with the payload, then review suspends.
    runner.resumeDraft(runId, "be brief");
    SuspendFlowResult second = runner.awaitSettled(runId, WAIT);
    assertThat(second.status()).isEqualTo(Status.SUSPENDED);
    assertThat(second.draft().output()).isEqualTo("draft about otters (be brief)");
    assertThat(second.review().suspendReason())
        .isEqualTo("please score: draft about otters (be brief)");

    // Second resume with a low score: the step suspends again, the payload is consumed.
    runner.resumeReview(runId, new Score(3, "meh"));
    // The resume sets the run RUNNING before it returns, so this waits for the next suspend.
    SuspendFlowResult third = runner.awaitSettled(runId, WAIT);
    assertThat(third.status()).isEqualTo(Status.SUSPENDED);
    assertThat(third.review().suspendReason()).isEqualTo("score 3 is too low, improve and rescore");

    // Third resume: review succeeds and publish runs.
    runner.resumeReview(runId, new Score(9, "great"));
    SuspendFlowResult done = runner.awaitCompletion(runId, WAIT);
    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(done.output()).isEqualTo("published: draft about otters (be brief) scored 9");
    assertThat(flow.draftRuns).hasValue(2);
    assertThat(flow.reviewRuns).hasValue(3);

    // Nothing is suspended any more: a further resume is a clear error.
    assertThatThrownBy(() -> runner.resumeReview(runId, new Score(10, "again")))
        .isInstanceOf(NotSuspendedException.class)
        .hasMessageContaining("not suspended (its status is SUCCEEDED)");
  }

  @Test
  default void suspendInParallelBranchesResumesEachIndependently() {
    Stepwise engine = engine();
    ParallelSuspendFlowRunner runner =
        new ParallelSuspendFlowRunner(engine, new ParallelSuspendFlow());
    engine.start();

    ParallelSuspendFlowResult parked = runner.start();
    assertThat(parked.status()).isEqualTo(Status.SUSPENDED);
    assertThat(parked.legal().status()).isEqualTo(Status.SUSPENDED);
    assertThat(parked.finance().status()).isEqualTo(Status.SUSPENDED);
    assertThat(parked.quick().status()).isEqualTo(Status.SUCCEEDED);
    assertThat(parked.signOff().status()).isEqualTo(Status.PENDING);
    String runId = parked.runId();

    runner.resumeFinance(runId, "ok");
    ParallelSuspendFlowResult half = runner.awaitSettled(runId, WAIT);
    assertThat(half.finance().output()).isEqualTo("finance: ok");
    assertThat(half.status()).isEqualTo(Status.SUSPENDED);
    assertThat(half.legal().status()).isEqualTo(Status.SUSPENDED);
    assertThat(half.signOff().status()).isEqualTo(Status.PENDING);

    runner.resumeLegal(runId, "fine");
    ParallelSuspendFlowResult done = runner.awaitCompletion(runId, WAIT);
    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(done.output()).isEqualTo("legal: fine, finance: ok, quick");
  }
}
