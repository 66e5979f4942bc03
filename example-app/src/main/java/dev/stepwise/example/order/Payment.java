package dev.stepwise.example.order;

/** A successful charge. */
public record Payment(String transactionId, long amountCents) {}
