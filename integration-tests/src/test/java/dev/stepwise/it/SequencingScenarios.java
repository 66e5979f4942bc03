package dev.stepwise.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.it.flows.ParallelChainsFlow;
import dev.stepwise.it.flows.ParallelChainsFlowResult;
import dev.stepwise.it.flows.ParallelChainsFlowRunner;
import dev.stepwise.it.flows.SequentialFlow;
import dev.stepwise.it.flows.SequentialFlowResult;
import dev.stepwise.it.flows.SequentialFlowRunner;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
import org.junit.jupiter.api.Test;

/** Mastra's sequential steps and parallel chains, through generated runners. */
interface SequencingScenarios extends Scenario {

  @Test
  default void sequentialStepsRunInOrderAndEachReadsItsPredecessor() {
    Stepwise engine = engine();
    SequentialFlow flow = new SequentialFlow();
    SequentialFlowRunner runner = new SequentialFlowRunner(engine, flow);
    engine.start();

    SequentialFlowResult r = runner.start("in");

    assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(flow.executed).containsExactly("first", "second", "third");
    assertThat(r.first().output()).isEqualTo("in>first");
    assertThat(r.second().output()).isEqualTo("in>first>second");
    assertThat(r.output()).isEqualTo("in>first>second>third(in)");
    assertThat(r.third().attempts()).isEqualTo(1);
  }

  @Test
  default void parallelChainsRunIndependentlyAndJoinWaitsForBoth() {
    Stepwise engine = engine();
    ParallelChainsFlow flow = new ParallelChainsFlow();
    ParallelChainsFlowRunner runner = new ParallelChainsFlowRunner(engine, flow);
    engine.start();

    ParallelChainsFlowResult r = runner.start(1);

    assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(r.a2().output()).isEqualTo(20);
    assertThat(r.b2().output()).isEqualTo(300);
    assertThat(r.output()).isEqualTo("20+300");
    // Each chain is ordered; the join comes last.
    assertThat(flow.executed.indexOf("a1")).isLessThan(flow.executed.indexOf("a2"));
    assertThat(flow.executed.indexOf("b1")).isLessThan(flow.executed.indexOf("b2"));
    assertThat(flow.executed).hasSize(5).endsWith("joined");
  }
}
