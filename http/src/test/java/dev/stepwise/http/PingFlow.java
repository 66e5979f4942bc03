package dev.stepwise.http;

import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import dev.stepwise.runtime.spi.validation.Contract;
import java.util.List;

/** One step, {@code pong}, and no input: a workflow started with an empty body. */
final class PingFlow implements WorkflowDefinition {
  static final WorkflowGraph GRAPH =
      new WorkflowGraph(
          "ping", "ping-v1", List.of(OrderFlow.step("pong", false)), "pong", "flowchart TD");

  @Override
  public WorkflowGraph graph() {
    return GRAPH;
  }

  @Override
  public List<Contract<?>> contracts() {
    return List.of();
  }

  @Override
  public Object invokeStep(String stepId, StepInvocation in) {
    return "pong";
  }

  @Override
  public boolean evaluateCondition(String name, StepInvocation in) {
    throw new IllegalArgumentException("unknown condition " + name);
  }
}
