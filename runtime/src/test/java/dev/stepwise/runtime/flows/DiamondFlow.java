package dev.stepwise.runtime.flows;

import static dev.stepwise.runtime.flows.Specs.step;

import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fork and a join: start -> (left, right) -> join. With a barrier, left and right return at the
 * same instant on two workers, so their completions race for the join.
 */
public final class DiamondFlow {
  public final AtomicInteger joins = new AtomicInteger();
  public final AtomicInteger branches = new AtomicInteger();
  private final CyclicBarrier barrier;

  public DiamondFlow(boolean finishTogether) {
    this.barrier = finishTogether ? new CyclicBarrier(2) : null;
  }

  int start(int n) {
    return n;
  }

  String branch(String side, int n) throws Exception {
    branches.incrementAndGet();
    if (barrier != null) {
      try {
        barrier.await(20, TimeUnit.SECONDS); // both branches return together
      } catch (BrokenBarrierException | TimeoutException e) {
        throw new IllegalStateException("branches did not meet", e);
      }
    }
    return side + n;
  }

  String join(String left, String right) {
    joins.incrementAndGet();
    return left + "+" + right;
  }

  /** What the processor would generate. */
  public static final class Definition implements WorkflowDefinition {
    public static final WorkflowGraph GRAPH =
        new WorkflowGraph(
            "diamond",
            "diamond-v1",
            List.of(
                step("start"),
                step("left", "start"),
                step("right", "start"),
                step("join", "left", "right")),
            "join",
            "flowchart TD");
    private final DiamondFlow flow;

    public Definition(DiamondFlow flow) {
      this.flow = flow;
    }

    @Override
    public WorkflowGraph graph() {
      return GRAPH;
    }

    @Override
    public Object invokeStep(String stepId, StepInvocation in) throws Exception {
      return switch (stepId) {
        case "start" -> flow.start(in.input(Integer.class));
        case "left" -> flow.branch("L", in.output("start", Integer.class));
        case "right" -> flow.branch("R", in.output("start", Integer.class));
        case "join" -> flow.join(in.output("left", String.class), in.output("right", String.class));
        default -> throw new IllegalArgumentException("unknown step " + stepId);
      };
    }

    @Override
    public boolean evaluateCondition(String name, StepInvocation in) {
      throw new IllegalArgumentException("unknown condition " + name);
    }
  }
}
