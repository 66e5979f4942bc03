package dev.stepwise.runtime.flows;

import static dev.stepwise.runtime.flows.Specs.any;
import static dev.stepwise.runtime.flows.Specs.step;
import static dev.stepwise.runtime.flows.Specs.unless;
import static dev.stepwise.runtime.flows.Specs.when;

import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.util.List;
import java.util.Optional;

/**
 * An if/else merged by an ANY join, and an ALL join the skip propagates through:
 *
 * <pre>
 * check -> big (when isLarge)  -> audit -----------\
 *       -> small (unless isLarge)                   +-> report (ALL: audit, merge)
 *       big, small -> merge (ANY) -----------------/
 * </pre>
 */
public final class BranchFlow {
  int check(int amount) {
    return amount;
  }

  boolean isLarge(int amount) {
    return amount > 1000;
  }

  String big(int amount) {
    return "big:" + amount;
  }

  String small(int amount) {
    return "small:" + amount;
  }

  String audit(String big) {
    return "audited " + big;
  }

  String merge(Optional<String> big, Optional<String> small) {
    return big.orElseGet(small::orElseThrow);
  }

  String report(String audit, String merge) {
    return audit + " / " + merge;
  }

  /** What the processor would generate. */
  public static final class Definition implements WorkflowDefinition {
    public static final WorkflowGraph GRAPH =
        new WorkflowGraph(
            "branch",
            "branch-v1",
            List.of(
                step("check"),
                when("big", "isLarge", "check"),
                unless("small", "isLarge", "check"),
                step("audit", "big"),
                any("merge", "big", "small"),
                step("report", "audit", "merge")),
            null,
            "flowchart TD");
    private final BranchFlow flow;

    public Definition(BranchFlow flow) {
      this.flow = flow;
    }

    @Override
    public WorkflowGraph graph() {
      return GRAPH;
    }

    @Override
    public Object invokeStep(String stepId, StepInvocation in) {
      return switch (stepId) {
        case "check" -> flow.check(in.input(Integer.class));
        case "big" -> flow.big(in.input(Integer.class));
        case "small" -> flow.small(in.input(Integer.class));
        case "audit" -> flow.audit(in.output("big", String.class));
        case "merge" ->
            flow.merge(
                Optional.ofNullable(in.output("big", String.class)),
                Optional.ofNullable(in.output("small", String.class)));
        case "report" ->
            flow.report(in.output("audit", String.class), in.output("merge", String.class));
        default -> throw new IllegalArgumentException("unknown step " + stepId);
      };
    }

    @Override
    public boolean evaluateCondition(String name, StepInvocation in) {
      if (name.equals("isLarge")) {
        return flow.isLarge(in.input(Integer.class));
      }
      throw new IllegalArgumentException("unknown condition " + name);
    }
  }
}
