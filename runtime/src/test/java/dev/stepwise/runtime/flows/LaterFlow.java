package dev.stepwise.runtime.flows;

import static dev.stepwise.runtime.flows.Specs.retrying;
import static dev.stepwise.runtime.flows.Specs.step;

import dev.stepwise.runtime.StepContext;
import dev.stepwise.runtime.spi.RetryPolicy;
import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * try (2 attempts an hour apart) -> later (a timer of an hour). Input: whether the first attempt of
 * try fails. Nothing in it is due sooner than an hour: only a clock that jumps finishes it quickly.
 */
public final class LaterFlow {
  public static final Duration HOUR = Duration.ofHours(1);
  private static final RetryPolicy HOURLY =
      new RetryPolicy(2, HOUR, 1.0, HOUR, 0.0, List.of(), List.of());

  public final AtomicInteger tryCalls = new AtomicInteger();

  String tryIt(boolean failFirst, StepContext ctx) {
    tryCalls.incrementAndGet();
    if (failFirst && ctx.attempt() == 1) {
      throw new IllegalStateException("not yet");
    }
    return "tried " + ctx.attempt();
  }

  String later(String tried) {
    return tried + ", later";
  }

  /** What the processor would generate. */
  public static final class Definition implements WorkflowDefinition {
    public static final WorkflowGraph GRAPH =
        new WorkflowGraph(
            "later",
            "later-v1",
            List.of(retrying("try", HOURLY), step("later", "try").withDelay(HOUR)),
            "later",
            "flowchart TD");
    private final LaterFlow flow;

    public Definition(LaterFlow flow) {
      this.flow = flow;
    }

    @Override
    public WorkflowGraph graph() {
      return GRAPH;
    }

    @Override
    public Object invokeStep(String stepId, StepInvocation in) throws Exception {
      return switch (stepId) {
        case "try" -> flow.tryIt(in.input(Boolean.class), in.context());
        case "later" -> flow.later(in.output("try", String.class));
        default -> throw new IllegalArgumentException("unknown step " + stepId);
      };
    }

    @Override
    public boolean evaluateCondition(String name, StepInvocation in) {
      throw new IllegalArgumentException("unknown condition " + name);
    }
  }
}
