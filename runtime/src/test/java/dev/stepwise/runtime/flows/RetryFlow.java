package dev.stepwise.runtime.flows;

import static dev.stepwise.runtime.flows.Specs.retrying;
import static dev.stepwise.runtime.flows.Specs.step;

import dev.stepwise.runtime.StepContext;
import dev.stepwise.runtime.spi.RetryPolicy;
import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * flaky (attempts = 3, fails {@code failures} times) -> done. Input: how many times flaky fails; a
 * negative input makes it throw an {@code abortOn} exception instead.
 */
public final class RetryFlow {
  public static final RetryPolicy POLICY =
      new RetryPolicy(
          3,
          Duration.ofMillis(20),
          2.0,
          Duration.ofMillis(100),
          0.2,
          List.of(),
          List.of(IllegalArgumentException.class));

  public final AtomicInteger flakyCalls = new AtomicInteger();
  public final AtomicInteger doneCalls = new AtomicInteger();

  /** System.nanoTime() at the start of each execution of flaky, in order. */
  public final List<Long> flakyStarts = new CopyOnWriteArrayList<>();

  String flaky(int failures, StepContext ctx) throws IOException {
    flakyCalls.incrementAndGet();
    flakyStarts.add(System.nanoTime());
    if (failures < 0) {
      throw new IllegalArgumentException("bad request, never retried");
    }
    if (ctx.attempt() <= failures) {
      throw new IOException("service unavailable on attempt " + ctx.attempt());
    }
    return "ok on attempt " + ctx.attempt();
  }

  String done(String flaky) {
    doneCalls.incrementAndGet();
    return flaky + ", done";
  }

  /** What the processor would generate. */
  public static final class Definition implements WorkflowDefinition {
    public static final WorkflowGraph GRAPH =
        new WorkflowGraph(
            "retry",
            "retry-v1",
            List.of(retrying("flaky", POLICY), step("done", "flaky")),
            "done",
            "flowchart TD");
    private final RetryFlow flow;

    public Definition(RetryFlow flow) {
      this.flow = flow;
    }

    @Override
    public WorkflowGraph graph() {
      return GRAPH;
    }

    @Override
    public Object invokeStep(String stepId, StepInvocation in) throws Exception {
      return switch (stepId) {
        case "flaky" -> flow.flaky(in.input(Integer.class), in.context());
        case "done" -> flow.done(in.output("flaky", String.class));
        default -> throw new IllegalArgumentException("unknown step " + stepId);
      };
    }

    @Override
    public boolean evaluateCondition(String name, StepInvocation in) {
      throw new IllegalArgumentException("unknown condition " + name);
    }
  }
}
