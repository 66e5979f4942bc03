package dev.stepwise.runtime.flows;

import static dev.stepwise.runtime.flows.Specs.step;

import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.util.List;

/**
 * A workflow of one step, with any id, that runs the workflow of {@link #child} as its child run
 * (the child's id is {@code runId/stepId}) and returns the child's id; without a child it returns
 * its input. Chained, these nest child runs as deep as a test needs.
 */
public final class NestFlow implements WorkflowDefinition {
  private final WorkflowGraph graph;
  private final String stepId;

  /** The client of the child's workflow, set once both are registered; null for a leaf. */
  public volatile WorkflowClient child;

  public NestFlow(String name, String stepId) {
    this.stepId = stepId;
    this.graph = new WorkflowGraph(name, name + "-v1", List.of(step(stepId)), stepId, "");
  }

  @Override
  public WorkflowGraph graph() {
    return graph;
  }

  @Override
  public Object invokeStep(String id, StepInvocation in) {
    if (!id.equals(stepId)) {
      throw new IllegalArgumentException("unknown step " + id);
    }
    String input = in.input(String.class);
    if (child == null) {
      return "leaf " + input;
    }
    RunStatus done = child.runChild(in.context(), input);
    return done.runId();
  }

  @Override
  public boolean evaluateCondition(String name, StepInvocation in) {
    throw new IllegalArgumentException("unknown condition " + name);
  }
}
