package dev.stepwise.example.order;

import dev.stepwise.After;
import dev.stepwise.Condition;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Resume;
import dev.stepwise.Retry;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import java.util.Optional;

/**
 * An order: reserve stock, then charge and ship in parallel, then, for a large order, wait for a
 * manager's approval. The annotation processor turns this class into {@code OrderWorkflowRunner}.
 */
@Workflow(name = "order")
@Retry(attempts = 3, delay = "200ms")
public class OrderWorkflow {
  /** Orders above this total (in cents) need a manager's approval. */
  static final long APPROVAL_THRESHOLD_CENTS = 100_000;

  private final Inventory inventory;
  private final FlakyPaymentService payments;

  public OrderWorkflow(Inventory inventory, FlakyPaymentService payments) {
    this.inventory = inventory;
    this.payments = payments;
  }

  @Step
  Reservation reserve(@Input OrderRequest order, StepContext ctx) {
    ctx.logger().info("reserving {} item(s)", order.items().size());
    return inventory.reserve(order);
  }

  @Step
  @After("reserve")
  @Retry(attempts = 5, delay = "100ms", backoff = 2.0, maxDelay = "2s", jitter = 0.3)
  Payment charge(@Input OrderRequest order, StepContext ctx) {
    ctx.logger().info("charging, attempt {}", ctx.attempt());
    return payments.charge(order.orderId(), order.totalCents());
  }

  @Step
  @After("reserve")
  Shipment ship(@From(value = "reserve", path = "address") Address to) {
    return new Shipment("TRK-" + Math.abs(to.hashCode() % 100_000), to.city());
  }

  @Step(when = "isLarge")
  @After({"charge", "ship"})
  Approval approve(
      @From("charge") Payment payment, @Resume Optional<Decision> decision, StepContext ctx) {
    return decision
        .map(d -> Approval.of(d, payment))
        .orElseGet(() -> ctx.suspend("order over 1000.00 needs a manager's decision"));
  }

  @Condition
  boolean isLarge(@Input OrderRequest order) {
    return order.totalCents() > APPROVAL_THRESHOLD_CENTS;
  }
}
