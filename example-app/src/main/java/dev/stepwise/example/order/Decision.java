package dev.stepwise.example.order;

import jakarta.validation.constraints.NotBlank;

/** A manager's decision on a large order: the payload that resumes the approval step. */
public record Decision(boolean approved, @NotBlank String by) {}
