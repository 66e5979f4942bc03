package dev.stepwise.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.it.flows.FanOutFlow;
import dev.stepwise.it.flows.FanOutFlowResult;
import dev.stepwise.it.flows.FanOutFlowRunner;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.Stepwise;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code @Parallel} fan-out: one durable task per element, bounded, results in order. */
interface FanOutScenarios extends Scenario {

  @Test
  default void fanOutRunsEachElementAtMostNAtOnceAndKeepsElementOrder() {
    Stepwise engine = engine();
    FanOutFlow flow = new FanOutFlow();
    FanOutFlowRunner runner = new FanOutFlowRunner(engine, flow);
    engine.start();

    List<String> pages = List.of("a", "b", "flaky", "d", "e", "f", "g");
    FanOutFlowResult r = runner.start(pages);

    assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(r.summarize().output()).containsExactly("A", "B", "FLAKY", "D", "E", "F", "G");
    assertThat(r.output()).isEqualTo("A,B,FLAKY,D,E,F,G");
    assertThat(flow.maxRunning.get()).isBetween(1, 2);
    // Each element is a task of its own: only the flaky one was retried.
    assertThat(flow.attempts).containsEntry("flaky", 2).containsEntry("a", 1).hasSize(7);
    // The elements are not steps of the graph: the status lists the three steps only.
    assertThat(r.run().steps())
        .extracting(s -> s.stepId())
        .containsExactly("search", "summarize", "report");
  }

  @Test
  default void anElementThatFailsForGoodFailsTheStepAndTheRun() {
    Stepwise engine = engine();
    FanOutFlow flow = new FanOutFlow();
    FanOutFlowRunner runner = new FanOutFlowRunner(engine, flow);
    engine.start();

    FanOutFlowResult r = runner.start(List.of("a", "bad", "c"));

    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.run().failedStep()).isEqualTo("summarize");
    assertThat(r.summarize().status()).isEqualTo(Status.FAILED);
    assertThat(r.summarize().error().message()).isEqualTo("cannot summarize bad");
    assertThat(r.report().status()).isEqualTo(Status.NOT_REACHED);
    assertThat(flow.attempts).containsEntry("bad", 2);
  }

  @Test
  default void anEmptyListGivesAnEmptyResultAtOnce() {
    Stepwise engine = engine();
    FanOutFlow flow = new FanOutFlow();
    FanOutFlowRunner runner = new FanOutFlowRunner(engine, flow);
    engine.start();

    FanOutFlowResult r = runner.start(List.of());

    assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(r.summarize().output()).isEmpty();
    assertThat(r.output()).isEmpty();
    assertThat(flow.attempts).isEmpty();
  }
}
