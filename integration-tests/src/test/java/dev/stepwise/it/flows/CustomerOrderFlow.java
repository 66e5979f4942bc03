package dev.stepwise.it.flows;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One order run per customer at a time ({@code maxParallelismPerKey = 1} on the customer's id), and
 * its charge waits for the payment provider's queue. reserve -> charge -> confirm; the steps record
 * how many runs of each customer are between reserve and confirm, and how many charges run.
 */
@Workflow(name = "it-customer-orders", concurrencyKey = "customer.id", maxParallelismPerKey = 1)
public class CustomerOrderFlow {
  public record Customer(String id, String name) {}

  public record Order(Customer customer, int number) {}

  public final Map<String, AtomicInteger> openByCustomer = new ConcurrentHashMap<>();
  public final AtomicInteger mostOpenForOneCustomer = new AtomicInteger();
  public final AtomicInteger charging = new AtomicInteger();
  public final AtomicInteger mostCharging = new AtomicInteger();
  public final List<String> confirmed = new CopyOnWriteArrayList<>();

  /** The first order of customer "blocked" waits here, holding that customer's slot. */
  public final CountDownLatch release = new CountDownLatch(1);

  public final CountDownLatch blockedReserved = new CountDownLatch(1);

  @Step
  String reserve(@Input Order order) throws InterruptedException {
    int open =
        openByCustomer
            .computeIfAbsent(order.customer().id(), k -> new AtomicInteger())
            .incrementAndGet();
    mostOpenForOneCustomer.accumulateAndGet(open, Math::max);
    if (order.customer().id().equals("blocked") && order.number() == 0) {
      blockedReserved.countDown();
      release.await(60, TimeUnit.SECONDS);
    }
    return order.customer().id() + "/" + order.number();
  }

  @Step(queue = PaymentsQueue.class)
  @After("reserve")
  String charge(@From("reserve") String reservation) throws InterruptedException {
    int now = charging.incrementAndGet();
    mostCharging.accumulateAndGet(now, Math::max);
    try {
      Thread.sleep(5); // the provider's call: holds the slot for a moment
      return "charged " + reservation;
    } finally {
      charging.decrementAndGet();
    }
  }

  @Step
  @After("charge")
  String confirm(@From("charge") String charged, @Input Order order) {
    openByCustomer.get(order.customer().id()).decrementAndGet();
    confirmed.add(order.customer().id() + "/" + order.number());
    return charged + ", confirmed";
  }
}
