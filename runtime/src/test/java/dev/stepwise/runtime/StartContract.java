package dev.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.runtime.flows.ChainFlow;
import dev.stepwise.runtime.flows.ChainFlow.Order;
import dev.stepwise.runtime.spi.RetryPolicy;
import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Starting a run: caller-given ids and idempotency keys, and a start that stores all or nothing.
 */
abstract class StartContract extends EngineContract {
  @Test
  void callerGivenRunIdReturnsTheExistingRunEvenWhenStartedConcurrently() throws Exception {
    Stepwise engine = engine();
    ChainFlow flow = new ChainFlow();
    WorkflowClient client = engine.register(new ChainFlow.Definition(flow));
    engine.start();

    List<Object> ids =
        concurrently(
            8, i -> client.start(new Order("o" + i, 1), StartOptions.withRunId("order-42")));

    assertThat(new HashSet<>(ids)).containsExactly("order-42");
    assertThat(client.awaitCompletion("order-42", WAIT).status()).isEqualTo(Status.SUCCEEDED);
    assertThat(client.start(new Order("again", 1), StartOptions.withRunId("order-42")))
        .isEqualTo("order-42");
    assertThat(client.list(10)).hasSize(1);
    assertThat(flow.executions.get("reserve").get()).isEqualTo(1);
  }

  @Test
  void idempotencyKeyReturnsTheFirstRunEvenWhenStartedConcurrently() throws Exception {
    Stepwise engine = engine();
    WorkflowClient client = engine.register(new ChainFlow.Definition(new ChainFlow()));
    engine.start();

    List<Object> ids =
        concurrently(
            8, i -> client.start(new Order("o" + i, 1), StartOptions.withIdempotencyKey("key-1")));

    Set<Object> distinct = new HashSet<>(ids);
    assertThat(distinct).hasSize(1);
    String runId = (String) distinct.iterator().next();
    assertThat(client.start(new Order("later", 1), StartOptions.withIdempotencyKey("key-1")))
        .isEqualTo(runId);
    assertThat(client.start(new Order("other", 1), StartOptions.withIdempotencyKey("key-2")))
        .isNotEqualTo(runId);
    assertThat(client.list(10)).hasSize(2);
  }

  @Test
  void inputThatCannotBeStoredAsJsonIsRefusedBeforeAnythingIsStored() {
    Stepwise engine = engine();
    WorkflowClient client = engine.register(new ChainFlow.Definition(new ChainFlow()));

    assertThatThrownBy(() -> client.start(new Object(), StartOptions.withRunId("bad-input")))
        .isInstanceOf(StepwiseException.class)
        .hasMessageContaining("JSON");
    assertThat(client.list(10)).isEmpty();
  }

  @Test
  void startIsAtomicNoRunIsStoredWhenItsStepsCannotBe() {
    Stepwise engine = engine();
    WorkflowClient client = engine.register(new TooLongStepIdFlow());

    assertThatThrownBy(() -> client.start("x", StartOptions.withRunId("half-written")))
        .isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> client.status("half-written"))
        .isInstanceOf(RunNotFoundException.class)
        .hasMessageContaining("half-written")
        .hasMessageContaining("too-long");
  }

  /** A workflow whose root step id does not fit the column: its start must store nothing. */
  private static final class TooLongStepIdFlow implements WorkflowDefinition {
    private static final WorkflowGraph GRAPH =
        new WorkflowGraph(
            "too-long",
            "v1",
            List.of(
                new StepSpec(
                    "s".repeat(300),
                    List.of(),
                    dev.stepwise.Join.ALL,
                    RetryPolicy.NONE,
                    null,
                    null,
                    false)),
            null,
            "");

    @Override
    public WorkflowGraph graph() {
      return GRAPH;
    }

    @Override
    public Object invokeStep(String stepId, StepInvocation in) {
      return null;
    }

    @Override
    public boolean evaluateCondition(String name, StepInvocation in) {
      return true;
    }
  }
}
