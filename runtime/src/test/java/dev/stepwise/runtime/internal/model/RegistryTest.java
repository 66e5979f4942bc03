package dev.stepwise.runtime.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.Join;
import dev.stepwise.runtime.StepwiseException;
import dev.stepwise.runtime.spi.QueueSpec;
import dev.stepwise.runtime.spi.RetryPolicy;
import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Registration refuses a second workflow of the same name: the processor sees duplicates only
 * within one compilation, so two modules (or jars) can still bring the same name to one engine.
 */
class RegistryTest {

  @Test
  void secondWorkflowWithTheSameName_isRefused_namingBothClasses() {
    Registry registry = new Registry();
    registry.add(new OrderDefinition());
    assertThatThrownBy(() -> registry.add(new ReturnDefinition()))
        .isInstanceOf(StepwiseException.class)
        .hasMessage(
            "Workflow name \"order\" is registered already by "
                + OrderDefinition.class.getName()
                + ", so "
                + ReturnDefinition.class.getName()
                + " cannot register it too; workflow names must be unique in an application, so"
                + " rename one of the two @Workflow classes' name");
    // The first registration stands.
    assertThat(registry.find("order")).get().isInstanceOf(OrderDefinition.class);
    assertThat(registry.names()).containsExactly("order");
  }

  @Test
  void secondInstanceOfTheSameDefinition_isRefused_sayingToShareTheRunner() {
    Registry registry = new Registry();
    registry.add(new OrderDefinition());
    assertThatThrownBy(() -> registry.add(new OrderDefinition()))
        .isInstanceOf(StepwiseException.class)
        .hasMessageStartingWith(
            "Workflow \"order\" (" + OrderDefinition.class.getName() + ") is registered already");
  }

  @Test
  void sameDefinitionTwice_isOneRegistration() {
    Registry registry = new Registry();
    OrderDefinition definition = new OrderDefinition();
    registry.add(definition);
    registry.add(definition);
    assertThat(registry.find("order")).containsSame(definition);
  }

  @Test
  void aQueueNameUsedWithOtherLimits_isRefused_namingBothWorkflows_andLeavesNoTrace() {
    Registry registry = new Registry();
    registry.add(new Queued("billing", QueueSpec.concurrency("llm", 3)));
    assertThatThrownBy(() -> registry.add(new Queued("support", QueueSpec.concurrency("llm", 5))))
        .isInstanceOf(StepwiseException.class)
        .hasMessageContaining("Queue \"llm\" of workflow \"support\" has other limits")
        .hasMessageContaining("workflow \"billing\" uses")
        .hasMessageContaining("one @Queue type per name");
    assertThat(registry.names()).containsExactly("billing");
    assertThat(registry.queues()).extracting(QueueSpec::concurrency).containsExactly(3);
  }

  @Test
  void aStepsQueue_isFoundForItsRowsAndItsFanOutElements() {
    Registry registry = new Registry();
    registry.add(new Queued("billing", QueueSpec.concurrency("llm", 3)));
    assertThat(registry.queueOf("billing", "ask")).isEqualTo("llm");
    assertThat(registry.queueOf("billing", Ids.itemId("ask", 4))).isEqualTo("llm");
    assertThat(registry.queueOf("billing", "other")).isNull();
    assertThat(registry.queueOf("unknown", "ask")).isNull();
  }

  /** A workflow whose one step "ask" waits for {@code queue}. */
  private static final class Queued implements WorkflowDefinition {
    private final WorkflowGraph graph;

    Queued(String name, QueueSpec queue) {
      StepSpec ask =
          new StepSpec("ask", List.of(), Join.ALL, RetryPolicy.NONE, null, null, false)
              .withQueue(queue);
      this.graph = new WorkflowGraph(name, "v1", List.of(ask), null, "flowchart TD");
    }

    @Override
    public WorkflowGraph graph() {
      return graph;
    }

    @Override
    public Object invokeStep(String stepId, StepInvocation invocation) {
      throw new UnsupportedOperationException(stepId);
    }

    @Override
    public boolean evaluateCondition(String conditionName, StepInvocation invocation) {
      throw new UnsupportedOperationException(conditionName);
    }
  }

  /** Stands for what the processor generates for two classes with {@code @Workflow("order")}. */
  private abstract static class Named implements WorkflowDefinition {
    private static final WorkflowGraph GRAPH =
        new WorkflowGraph("order", "v1", List.of(), null, "flowchart TD");

    @Override
    public WorkflowGraph graph() {
      return GRAPH;
    }

    @Override
    public Object invokeStep(String stepId, StepInvocation invocation) {
      throw new UnsupportedOperationException(stepId);
    }

    @Override
    public boolean evaluateCondition(String conditionName, StepInvocation invocation) {
      throw new UnsupportedOperationException(conditionName);
    }
  }

  private static final class OrderDefinition extends Named {}

  private static final class ReturnDefinition extends Named {}
}
