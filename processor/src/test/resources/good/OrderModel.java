package com.acme;

import java.util.List;

/** The order workflow's data: records, as users typically write them. */
public final class OrderModel {
  private OrderModel() {}

  public record OrderRequest(String customer, long total, List<String> skus) {}

  public record Address(String street, String city) {}

  public record Reservation(String id, Address address) {}

  public record Payment(long amount, String reservationId) {}

  public record Shipment(String city) {}

  public record Decision(boolean approved, String note) {}

  public record Approval(boolean approved, String note) {
    public static Approval of(Decision d) {
      return new Approval(d.approved(), d.note());
    }
  }

  public interface Inventory {
    Reservation reserve(OrderRequest order);
  }
}
