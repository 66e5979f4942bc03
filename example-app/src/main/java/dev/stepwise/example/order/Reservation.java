package dev.stepwise.example.order;

/** Stock held for an order, and where it is to be shipped. */
public record Reservation(String reservationId, String warehouse, Address address) {}
