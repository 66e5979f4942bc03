package dev.stepwise.runtime.flows;

import static dev.stepwise.runtime.flows.Specs.step;

import dev.stepwise.runtime.StepContext;
import dev.stepwise.runtime.spi.StepInvocation;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.MDC;

/** A sequential workflow: reserve -> charge -> ship. */
public final class ChainFlow {
  public record Order(String id, int quantity) {}

  public record Reservation(String orderId, int quantity) {}

  public record Payment(String orderId, long cents) {}

  public final List<String> order = new CopyOnWriteArrayList<>();
  public final Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();
  public final Map<String, String> mdc = new ConcurrentHashMap<>();
  public final Map<String, Thread> threads = new ConcurrentHashMap<>();

  private void ran(String step, StepContext ctx) {
    order.add(step);
    executions.computeIfAbsent(step, k -> new AtomicInteger()).incrementAndGet();
    mdc.put(step, MDC.get("stepwise.runId") + "/" + MDC.get("stepwise.stepId"));
    threads.put(step, Thread.currentThread());
    ctx.logger().info("running {}", step);
  }

  Reservation reserve(Order order, StepContext ctx) {
    ran("reserve", ctx);
    return new Reservation(order.id(), order.quantity());
  }

  Payment charge(Order order, Reservation r, StepContext ctx) {
    ran("charge", ctx);
    ctx.heartbeat(); // a long step would call this; here it must simply keep the lease
    return new Payment(r.orderId(), 1000L * r.quantity());
  }

  String ship(Payment p, StepContext ctx) {
    ran("ship", ctx);
    return "shipped " + p.orderId() + " for " + p.cents();
  }

  /** What the processor would generate for ChainFlow. */
  public static final class Definition implements WorkflowDefinition {
    public static final WorkflowGraph GRAPH =
        new WorkflowGraph(
            "chain",
            "chain-v1",
            List.of(step("reserve"), step("charge", "reserve"), step("ship", "charge")),
            "ship",
            "flowchart TD");
    private final ChainFlow flow;

    public Definition(ChainFlow flow) {
      this.flow = flow;
    }

    @Override
    public WorkflowGraph graph() {
      return GRAPH;
    }

    @Override
    public Object invokeStep(String stepId, StepInvocation in) {
      return switch (stepId) {
        case "reserve" -> flow.reserve(in.input(Order.class), in.context());
        case "charge" ->
            flow.charge(
                in.input(Order.class), in.output("reserve", Reservation.class), in.context());
        case "ship" -> flow.ship(in.output("charge", Payment.class), in.context());
        default -> throw new IllegalArgumentException("unknown step " + stepId);
      };
    }

    @Override
    public boolean evaluateCondition(String name, StepInvocation in) {
      throw new IllegalArgumentException("unknown condition " + name);
    }
  }
}
