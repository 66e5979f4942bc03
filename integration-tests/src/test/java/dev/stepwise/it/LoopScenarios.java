package dev.stepwise.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.it.flows.LoopFlow;
import dev.stepwise.it.flows.LoopFlow.Plan;
import dev.stepwise.it.flows.LoopFlowResult;
import dev.stepwise.it.flows.LoopFlowRunner;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepStatus;
import dev.stepwise.runtime.Stepwise;
import org.junit.jupiter.api.Test;

/** Mastra's loops: until and while, counted iterations, loops after a join, the bound. */
interface LoopScenarios extends Scenario {

  @Test
  default void untilAndWhileLoopsAfterAJoinRunCountedIterations() {
    Stepwise engine = engine();
    LoopFlow flow = new LoopFlow();
    LoopFlowRunner runner = new LoopFlowRunner(engine, flow);
    engine.start();

    LoopFlowResult r = runner.start(new Plan(5, 8, 3));

    assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
    // count: 6, 7, 8 -> stops once the value reaches 8; downstream sees the last iteration.
    assertThat(flow.countIterations).containsExactly(1, 2, 3);
    assertThat(r.count().output()).isEqualTo(8);
    assertThat(flow.pollIterations).containsExactly(1, 2, 3);
    assertThat(r.poll().output()).isEqualTo("ready");
    assertThat(r.output()).isEqualTo("8/ready");
    // Each earlier iteration is a durable execution of its own, with status and output.
    StepStatus first = r.run().step("count#1").orElseThrow();
    assertThat(first.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(first.outputJson()).isEqualTo("6");
    assertThat(r.run().step("count#2").orElseThrow().outputJson()).isEqualTo("7");
    assertThat(r.run().step("count#3")).isEmpty(); // the last iteration is the step itself
    assertThat(r.run().step("poll#2").orElseThrow().outputJson()).isEqualTo("\"busy\"");
    assertThat(r.count().attempts()).isEqualTo(1);
  }

  @Test
  default void aLoopThatAlreadyHoldsRunsOnce() {
    Stepwise engine = engine();
    LoopFlow flow = new LoopFlow();
    LoopFlowRunner runner = new LoopFlowRunner(engine, flow);
    engine.start();

    LoopFlowResult r = runner.start(new Plan(100, 8, 1));

    assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(flow.countIterations).containsExactly(1);
    assertThat(flow.pollIterations).containsExactly(1);
    assertThat(r.output()).isEqualTo("101/ready");
  }

  @Test
  default void reachingMaxIterationsWithoutTheConditionFailsTheStepClearly() {
    Stepwise engine = engine();
    LoopFlow flow = new LoopFlow();
    LoopFlowRunner runner = new LoopFlowRunner(engine, flow);
    engine.start();

    // The service is never ready within poll's 5 iterations.
    LoopFlowResult r = runner.start(new Plan(0, 3, 99));

    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.run().failedStep()).isEqualTo("poll");
    assertThat(r.poll().status()).isEqualTo(Status.FAILED);
    assertThat(r.poll().error().message())
        .isEqualTo(
            "Loop step \"poll\" ran its maxIterations of 5 and its repeatWhile condition \"busy\""
                + " is still true");
    assertThat(flow.pollIterations).containsExactly(1, 2, 3, 4, 5);
    assertThat(r.done().status()).isEqualTo(Status.NOT_REACHED);
  }
}
