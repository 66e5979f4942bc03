package dev.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.runtime.flows.ApprovalFlow;
import dev.stepwise.runtime.flows.ApprovalFlow.Approval;
import dev.stepwise.runtime.flows.ApprovalFlow.Decision;
import dev.stepwise.runtime.flows.TwoApprovalsFlow;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.testing.Await;
import java.util.List;
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
}
