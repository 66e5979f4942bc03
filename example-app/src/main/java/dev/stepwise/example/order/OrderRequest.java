package dev.stepwise.example.order;

import java.util.List;

/** What a customer ordered: the input of {@link OrderWorkflow}. */
public record OrderRequest(String orderId, String customer, List<Item> items, Address address) {

  /** One order line. */
  public record Item(String sku, int quantity, long unitPriceCents) {}

  /** The order's total in cents. */
  public long totalCents() {
    return items.stream().mapToLong(i -> i.quantity() * i.unitPriceCents()).sum();
  }
}
