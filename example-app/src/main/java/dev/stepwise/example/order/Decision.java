package dev.stepwise.example.order;

/** A manager's decision on a large order: the payload that resumes the approval step. */
public record Decision(boolean approved, String by) {}
