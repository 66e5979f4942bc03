package dev.stepwise.example.order;

import java.util.UUID;

/** A stand-in for a warehouse system. */
public final class Inventory {

  /** Holds stock for the order in the warehouse nearest to its address. */
  public Reservation reserve(OrderRequest order) {
    String warehouse = "CH".equals(order.address().country()) ? "Zurich-1" : "Frankfurt-2";
    return new Reservation("R-" + UUID.randomUUID(), warehouse, order.address());
  }
}
