package dev.stepwise.example.order;

/** A booked delivery. */
public record Shipment(String trackingNumber, String city) {}
