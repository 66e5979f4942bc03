package dev.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.runtime.flows.ApprovalFlow;
import dev.stepwise.runtime.flows.BranchFlow;
import dev.stepwise.runtime.flows.ChainFlow;
import dev.stepwise.runtime.flows.ChainFlow.Order;
import dev.stepwise.runtime.flows.DiamondFlow;
import dev.stepwise.runtime.spi.WorkflowClient;
import org.junit.jupiter.api.Test;

/** Execution: a chain, fork and join, and conditions run each step once, in order. */
abstract class ExecutionContract extends EngineContract {
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
}
