package dev.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.runtime.flows.ApprovalFlow;
import dev.stepwise.runtime.flows.ApprovalFlow.Approval;
import dev.stepwise.runtime.flows.ApprovalFlow.Decision;
import dev.stepwise.runtime.flows.BlockingFlow;
import dev.stepwise.runtime.flows.TwoApprovalsFlow;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.runtime.spi.observe.StepwiseObserver;
import dev.stepwise.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Suspend and resume: a parked run, its typed payload, and resumes that lose. */
abstract class SuspendResumeContract extends EngineContract {
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

  @Test
  void ofManyConcurrentResumesOfOneStepExactlyOneWinsAndTheStepRunsOnceMore() throws Exception {
    Stepwise engine = engine();
    ApprovalFlow flow = new ApprovalFlow();
    WorkflowClient client = engine.register(new ApprovalFlow.Definition(flow));
    engine.start();
    String runId = client.start("o", StartOptions.defaults());
    client.awaitSettled(runId, WAIT);

    List<Object> results =
        concurrently(
            8,
            i -> {
              try {
                client.resume(runId, "approve", new Decision(true, "resumer-" + i));
                return "resumer-" + i;
              } catch (NotSuspendedException e) {
                return e;
              }
            });

    List<Object> winners = results.stream().filter(String.class::isInstance).toList();
    assertThat(winners).hasSize(1);
    assertThat(results).filteredOn(NotSuspendedException.class::isInstance).hasSize(7);
    RunStatus done = client.awaitCompletion(runId, WAIT);
    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(client.stepResult(done, "approve", Approval.class).output().by())
        .isEqualTo(winners.get(0));
    assertThat(flow.approveCalls.get()).isEqualTo(2);
  }

  @Test
  void aResumedStepRunsOnThisNodeWithoutAClaimWhenAWorkerIsFree() {
    ClaimCount claims = new ClaimCount();
    Stepwise engine = engine(b -> b.observer(claims));
    ApprovalFlow flow = new ApprovalFlow();
    WorkflowClient client = engine.register(new ApprovalFlow.Definition(flow));
    engine.start();
    String runId = client.start("o", StartOptions.defaults());
    client.awaitSettled(runId, WAIT);
    int claimedBefore = claims.rows.get();

    client.resume(runId, "approve", new Decision(true, "Ann"));
    RunStatus done = client.awaitCompletion(runId, WAIT);

    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(client.stepResult(done, "ship", String.class).output())
        .isEqualTo("shipped, approved by Ann");
    // The resume leased its step here, its completion the successor: the dispatcher, polling
    // meanwhile, had no step to claim.
    assertThat(claims.rows.get()).isEqualTo(claimedBefore);
    // Leased as a claim would have leased it: its second attempt, with the predecessor's output.
    assertThat(done.step("approve").orElseThrow().attempts()).isEqualTo(2);
  }

  @Test
  void aResumeWithNoWorkerFreeIsLeftForTheDispatcherToClaim() throws Exception {
    ClaimCount claims = new ClaimCount();
    Stepwise engine = engine(b -> b.workers(1).observer(claims));
    ApprovalFlow approvals = new ApprovalFlow();
    WorkflowClient approval = engine.register(new ApprovalFlow.Definition(approvals));
    BlockingFlow blocking = new BlockingFlow();
    releasedAfter(blocking.release);
    WorkflowClient blocker = engine.register(new BlockingFlow.Definition(blocking));
    engine.start();
    String runId = approval.start("o", StartOptions.defaults());
    approval.awaitSettled(runId, WAIT);
    blocker.start("hold", StartOptions.defaults());
    assertThat(blocking.slowStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

    approval.resume(runId, "approve", new Decision(true, "Ann"));

    // The only worker is busy: the step waits, PENDING, for a claim, and the run is RUNNING.
    RunStatus waiting = approval.status(runId);
    assertThat(waiting.status()).isEqualTo(Status.RUNNING);
    assertThat(waiting.step("approve").orElseThrow().status()).isEqualTo(Status.PENDING);
    int claimedBefore = claims.rows.get();
    blocking.release.countDown();
    RunStatus done = approval.awaitCompletion(runId, WAIT);
    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(approval.stepResult(done, "ship", String.class).output())
        .isEqualTo("shipped, approved by Ann");
    assertThat(claims.rows.get()).isGreaterThan(claimedBefore);
  }

  @Test
  void aResumeOfARunOfAnotherWorkflowIsNotFoundAndWritesNothing() {
    Stepwise engine = engine();
    WorkflowClient approval = engine.register(new ApprovalFlow.Definition(new ApprovalFlow()));
    WorkflowClient other = engine.register(new TwoApprovalsFlow());
    engine.start();
    String runId = approval.start("o", StartOptions.defaults());
    approval.awaitSettled(runId, WAIT);

    assertThatThrownBy(() -> other.resume(runId, "legal", "ok"))
        .isInstanceOf(RunNotFoundException.class)
        .hasMessageContaining(runId);

    RunStatus still = approval.status(runId);
    assertThat(still.status()).isEqualTo(Status.SUSPENDED);
    assertThat(still.step("approve").orElseThrow().status()).isEqualTo(Status.SUSPENDED);
  }

  /** Counts the rows the dispatcher's claims took. */
  private static final class ClaimCount implements StepwiseObserver {
    final AtomicInteger rows = new AtomicInteger();

    @Override
    public void stepsClaimed(String queue, int claimed, Duration latency) {
      rows.addAndGet(claimed);
    }
  }
}
