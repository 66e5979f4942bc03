package dev.stepwise.runtime.flows;

import static dev.stepwise.runtime.flows.Specs.step;

import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.util.List;

/** root -> (legal, finance) -> done, where legal and finance each wait for a decision. */
public final class TwoApprovalsFlow implements WorkflowDefinition {
  private static final WorkflowGraph GRAPH =
      new WorkflowGraph(
          "two-approvals",
          "v1",
          List.of(
              step("root"),
              step("legal", "root"),
              step("finance", "root"),
              step("done", "legal", "finance")),
          "done",
          "");

  @Override
  public WorkflowGraph graph() {
    return GRAPH;
  }

  @Override
  public Object invokeStep(String stepId, StepInvocation in) {
    return switch (stepId) {
      case "legal", "finance" ->
          in.resumePayload(String.class)
              .orElseGet(() -> in.context().suspend(stepId + " must approve"));
      case "done" -> in.output("legal", String.class) + " & " + in.output("finance", String.class);
      default -> stepId;
    };
  }

  @Override
  public boolean evaluateCondition(String name, StepInvocation in) {
    return true;
  }
}
