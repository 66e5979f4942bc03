package dev.stepwise.runtime.flows;

import dev.stepwise.Join;
import dev.stepwise.runtime.spi.RetryPolicy;
import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.util.List;

/** One step, {@code confirm}, that waits for the event {@code confirmed} and returns its text. */
public final class EventFlow implements WorkflowDefinition {
  public static final WorkflowGraph GRAPH =
      new WorkflowGraph(
          "event",
          "event-v1",
          List.of(
              new StepSpec("confirm", List.of(), Join.ALL, RetryPolicy.NONE, null, null, false)
                  .withEvent("confirmed", null, false)),
          "confirm",
          "flowchart TD");

  @Override
  public WorkflowGraph graph() {
    return GRAPH;
  }

  @Override
  public Object invokeStep(String stepId, StepInvocation in) {
    if (!stepId.equals("confirm")) {
      throw new IllegalArgumentException("unknown step " + stepId);
    }
    return "confirmed: " + in.event(String.class);
  }

  @Override
  public boolean evaluateCondition(String name, StepInvocation in) {
    throw new IllegalArgumentException("unknown condition " + name);
  }
}
