package dev.stepwise.runtime;

import java.time.Instant;
import java.util.Optional;

/**
 * One step of a run with its typed output, as the generated {@code XxxResult} accessors return it.
 *
 * @param <T> the step's output type ({@code Void} for a void step)
 */
public record StepResult<T>(
    String stepId,
    Status status,
    T output,
    StepError error,
    int attempts,
    Instant startedAt,
    Instant finishedAt,
    String suspendReason) {

  /** True if the step succeeded. */
  public boolean succeeded() {
    return status == Status.SUCCEEDED;
  }

  /** The output, present only if the step succeeded with a non-null value. */
  public Optional<T> outputIfPresent() {
    return Optional.ofNullable(output);
  }
}
