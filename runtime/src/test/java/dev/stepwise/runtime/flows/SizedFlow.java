package dev.stepwise.runtime.flows;

import static dev.stepwise.runtime.flows.Specs.retrying;
import static dev.stepwise.runtime.flows.Specs.step;

import dev.stepwise.runtime.spi.RetryPolicy;
import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Outputs of a chosen size. Input: a number n. {@code make} (attempts = 3) returns a string of n
 * characters; {@code list} returns the list [0, n); {@code each} fans out over it and returns 200
 * characters per element; {@code done} joins both. {@code count} takes a {@link ChainFlow.Order}
 * and returns only the length of its id, so a large input has a small output.
 */
public final class SizedFlow implements WorkflowDefinition {
  private static final RetryPolicy THREE =
      new RetryPolicy(3, Duration.ofMillis(10), 1.0, Duration.ZERO, 0.0, List.of(), List.of());

  /** make, alone: its output is as long as the input says. */
  public static final WorkflowGraph MAKE =
      new WorkflowGraph("sized", "sized-v1", List.of(retrying("make", THREE)), "make", "");

  /** list -> each (fan-out) -> done. */
  public static final WorkflowGraph FAN =
      new WorkflowGraph(
          "fan",
          "fan-v1",
          List.of(step("list"), step("each", "list").withParallel("list", 3), step("done", "each")),
          "done",
          "");

  /** count, alone. */
  public static final WorkflowGraph COUNT =
      new WorkflowGraph("count", "count-v1", List.of(step("count")), "count", "");

  public final AtomicInteger makeCalls = new AtomicInteger();
  private final WorkflowGraph graph;

  public SizedFlow(WorkflowGraph graph) {
    this.graph = graph;
  }

  @Override
  public WorkflowGraph graph() {
    return graph;
  }

  @Override
  public Object invokeStep(String stepId, StepInvocation in) {
    return switch (stepId) {
      case "make" -> {
        makeCalls.incrementAndGet();
        yield "m".repeat(in.input(Integer.class));
      }
      case "list" -> IntStream.range(0, in.input(Integer.class)).boxed().toList();
      case "each" -> "e".repeat(200);
      case "done" -> "done";
      case "count" -> in.input(ChainFlow.Order.class).id().length();
      default -> throw new IllegalArgumentException("unknown step " + stepId);
    };
  }

  @Override
  public boolean evaluateCondition(String name, StepInvocation in) {
    throw new IllegalArgumentException("unknown condition " + name);
  }
}
