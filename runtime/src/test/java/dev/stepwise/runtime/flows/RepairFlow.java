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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * fetch -> (charge -> ship, notify -> audit): charge fails, two attempts, while {@link #broken};
 * notify waits for {@link #notifyRelease}, so that it can finish after the run failed. Every step
 * counts its executions, so a test sees which ran again after a retry.
 */
public final class RepairFlow {
  public static final RetryPolicy TWO_ATTEMPTS =
      new RetryPolicy(
          2, Duration.ofMillis(10), 1.0, Duration.ofMillis(10), 0, List.of(), List.of());

  public volatile boolean broken = true;
  public final CountDownLatch notifyRelease = new CountDownLatch(1);
  public final Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();

  private void ran(String step) {
    executions.computeIfAbsent(step, k -> new AtomicInteger()).incrementAndGet();
  }

  public int executions(String step) {
    AtomicInteger n = executions.get(step);
    return n == null ? 0 : n.get();
  }

  String fetch(String order) {
    ran("fetch");
    return "fetched " + order;
  }

  String charge(String fetched, StepContext ctx) {
    ran("charge");
    if (broken) {
      throw new IllegalStateException("card service down (attempt " + ctx.attempt() + ")");
    }
    return "charged " + fetched;
  }

  String ship(String charged) {
    ran("ship");
    return "shipped " + charged;
  }

  String notifyCustomer(String fetched) throws InterruptedException {
    ran("notify");
    notifyRelease.await(60, TimeUnit.SECONDS);
    return "notified " + fetched;
  }

  String audit(String notified) {
    ran("audit");
    return "audited " + notified;
  }

  /** What the processor would generate. */
  public static final class Definition implements WorkflowDefinition {
    public static final WorkflowGraph GRAPH =
        new WorkflowGraph(
            "repair",
            "repair-v1",
            List.of(
                step("fetch"),
                retrying("charge", TWO_ATTEMPTS, "fetch"),
                step("ship", "charge"),
                step("notify", "fetch"),
                step("audit", "notify")),
            null,
            "flowchart TD");
    private final RepairFlow flow;

    public Definition(RepairFlow flow) {
      this.flow = flow;
    }

    @Override
    public WorkflowGraph graph() {
      return GRAPH;
    }

    @Override
    public Object invokeStep(String stepId, StepInvocation in) throws Exception {
      return switch (stepId) {
        case "fetch" -> flow.fetch(in.input(String.class));
        case "charge" -> flow.charge(in.output("fetch", String.class), in.context());
        case "ship" -> flow.ship(in.output("charge", String.class));
        case "notify" -> flow.notifyCustomer(in.output("fetch", String.class));
        case "audit" -> flow.audit(in.output("notify", String.class));
        default -> throw new IllegalArgumentException("unknown step " + stepId);
      };
    }

    @Override
    public boolean evaluateCondition(String name, StepInvocation in) {
      throw new IllegalArgumentException("unknown condition " + name);
    }
  }
}
