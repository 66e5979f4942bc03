package dev.stepwise.runtime.flows;

import static dev.stepwise.runtime.flows.Specs.step;
import static dev.stepwise.runtime.flows.Specs.suspendable;

import dev.stepwise.runtime.StepContext;
import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** prepare -> approve (suspends until a manager's {@link Decision}) -> ship. */
public final class ApprovalFlow {
  public record Decision(boolean approved, String by) {}

  public record Approval(boolean approved, String by) {}

  public final AtomicInteger approveCalls = new AtomicInteger();

  String prepare(String order) {
    return "prepared " + order;
  }

  Approval approve(String prepared, Optional<Decision> decision, StepContext ctx) {
    approveCalls.incrementAndGet();
    return decision
        .map(d -> new Approval(d.approved(), d.by()))
        .orElseGet(() -> ctx.suspend("needs a manager's decision for " + prepared));
  }

  String ship(Approval a) {
    return a.approved() ? "shipped, approved by " + a.by() : "rejected by " + a.by();
  }

  /** What the processor would generate. */
  public static final class Definition implements WorkflowDefinition {
    public static final WorkflowGraph GRAPH =
        new WorkflowGraph(
            "approval",
            "approval-v1",
            List.of(step("prepare"), suspendable("approve", "prepare"), step("ship", "approve")),
            "ship",
            "flowchart TD");
    private final ApprovalFlow flow;

    public Definition(ApprovalFlow flow) {
      this.flow = flow;
    }

    @Override
    public WorkflowGraph graph() {
      return GRAPH;
    }

    @Override
    public Object invokeStep(String stepId, StepInvocation in) {
      return switch (stepId) {
        case "prepare" -> flow.prepare(in.input(String.class));
        case "approve" ->
            flow.approve(
                in.output("prepare", String.class), in.resumePayload(Decision.class), in.context());
        case "ship" -> flow.ship(in.output("approve", Approval.class));
        default -> throw new IllegalArgumentException("unknown step " + stepId);
      };
    }

    @Override
    public boolean evaluateCondition(String name, StepInvocation in) {
      throw new IllegalArgumentException("unknown condition " + name);
    }
  }
}
