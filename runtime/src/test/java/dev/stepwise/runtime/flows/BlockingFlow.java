package dev.stepwise.runtime.flows;

import static dev.stepwise.runtime.flows.Specs.step;

import dev.stepwise.runtime.StepContext;
import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * first -> slow -> last, where the first attempt of slow blocks until {@link #release} opens (so a
 * test can hold a step RUNNING, or let its lease expire).
 */
public final class BlockingFlow {
  public final CountDownLatch slowStarted = new CountDownLatch(1);
  public final CountDownLatch release = new CountDownLatch(1);
  public final CountDownLatch firstAttemptReturned = new CountDownLatch(1);
  public final AtomicInteger slowCalls = new AtomicInteger();
  public final AtomicInteger lastCalls = new AtomicInteger();
  private final String version;

  public BlockingFlow() {
    this("blocking-v1");
  }

  /** A flow whose graph has {@code version}, as if deployed with changed code. */
  public BlockingFlow(String version) {
    this.version = version;
  }

  String first(String in) {
    return in;
  }

  String slow(String first, StepContext ctx) throws InterruptedException {
    slowCalls.incrementAndGet();
    if (ctx.attempt() == 1) {
      slowStarted.countDown();
      if (!release.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
      firstAttemptReturned.countDown();
    }
    return first + " slow on attempt " + ctx.attempt();
  }

  String last(String slow) {
    lastCalls.incrementAndGet();
    return slow + ", last";
  }

  /** What the processor would generate. */
  public static final class Definition implements WorkflowDefinition {
    private final BlockingFlow flow;
    private final WorkflowGraph graph;

    public Definition(BlockingFlow flow) {
      this(
          flow,
          new WorkflowGraph(
              "blocking",
              flow.version,
              List.of(step("first"), step("slow", "first"), step("last", "slow")),
              "last",
              "flowchart TD"));
    }

    private Definition(BlockingFlow flow, WorkflowGraph graph) {
      this.flow = flow;
      this.graph = graph;
    }

    /** first -> slow: the blocking step is the chain's last. */
    public static Definition endingAtSlow(BlockingFlow flow) {
      return new Definition(
          flow,
          new WorkflowGraph(
              "blocking-short",
              flow.version,
              List.of(step("first"), step("slow", "first")),
              "slow",
              "flowchart TD"));
    }

    @Override
    public WorkflowGraph graph() {
      return graph;
    }

    @Override
    public Object invokeStep(String stepId, StepInvocation in) throws Exception {
      return switch (stepId) {
        case "first" -> flow.first(in.input(String.class));
        case "slow" -> flow.slow(in.output("first", String.class), in.context());
        case "last" -> flow.last(in.output("slow", String.class));
        default -> throw new IllegalArgumentException("unknown step " + stepId);
      };
    }

    @Override
    public boolean evaluateCondition(String name, StepInvocation in) {
      throw new IllegalArgumentException("unknown condition " + name);
    }
  }
}
