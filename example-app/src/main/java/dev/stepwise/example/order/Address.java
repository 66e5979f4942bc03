package dev.stepwise.example.order;

/** A delivery address. */
public record Address(String street, String city, String country) {}
