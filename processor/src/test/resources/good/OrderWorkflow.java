package com.acme;

import com.acme.OrderModel.Address;
import com.acme.OrderModel.Approval;
import com.acme.OrderModel.Decision;
import com.acme.OrderModel.Inventory;
import com.acme.OrderModel.OrderRequest;
import com.acme.OrderModel.Payment;
import com.acme.OrderModel.Reservation;
import com.acme.OrderModel.Shipment;
import dev.stepwise.After;
import dev.stepwise.Condition;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Resume;
import dev.stepwise.Retry;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import java.io.IOException;
import java.util.Optional;

@Workflow(name = "order")
@Retry(attempts = 3, delay = "200ms")
public class OrderWorkflow {
  private final Inventory inventory;

  public OrderWorkflow(Inventory inventory) {
    this.inventory = inventory;
  }

  @Step
  Reservation reserve(@Input OrderRequest order) {
    return inventory.reserve(order);
  }

  @Step
  @After("reserve")
  @Retry(
      attempts = 8,
      delay = "1s",
      backoff = 2.0,
      maxDelay = "1m",
      jitter = 0.3,
      retryOn = IOException.class,
      abortOn = IllegalArgumentException.class)
  Payment charge(@Input OrderRequest order, @From("reserve") Reservation r) {
    return new Payment(order.total(), r.id());
  }

  @Step
  @After("reserve")
  Shipment ship(@From(value = "reserve", path = "address") Address to) {
    return new Shipment(to.city());
  }

  @Step(when = "isLarge")
  @After({"charge", "ship"})
  Approval approve(@From("charge") Payment p, @Resume Optional<Decision> d, StepContext ctx) {
    return d.map(Approval::of).orElseGet(() -> ctx.suspend("needs a manager's decision"));
  }

  @Condition
  boolean isLarge(@Input OrderRequest o) {
    return o.total() > 1_000;
  }
}
