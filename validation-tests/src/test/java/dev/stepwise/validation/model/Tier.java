package dev.stepwise.validation.model;

/** An enum: a string that is one of the constants. */
public enum Tier {
  SILVER,
  GOLD
}
