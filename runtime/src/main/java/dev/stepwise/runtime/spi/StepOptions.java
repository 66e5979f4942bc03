package dev.stepwise.runtime.spi;

import java.time.Duration;

/**
 * The optional behaviour of a step beyond edges, conditions and retries. Generated code sets only
 * what a step declares, through the {@code StepSpec.withXxx} methods; a step that declares none has
 * {@link #NONE}.
 *
 * @param delay a durable timer before the step runs ({@code @After(delay)}), or null
 * @param timeout the deadline of each execution ({@code @Step(timeout)}), or null
 */
public record StepOptions(Duration delay, Duration timeout) {

  /** No option set. */
  public static final StepOptions NONE = new StepOptions(null, null);

  public StepOptions {
    requirePositive(delay, "delay");
    requirePositive(timeout, "timeout");
  }

  /** A copy with this delay. */
  public StepOptions withDelay(Duration delay) {
    return new StepOptions(delay, timeout);
  }

  /** A copy with this timeout. */
  public StepOptions withTimeout(Duration timeout) {
    return new StepOptions(delay, timeout);
  }

  private static void requirePositive(Duration d, String what) {
    if (d != null && (d.isNegative() || d.isZero())) {
      throw new IllegalArgumentException(what + " must be positive, was " + d);
    }
  }
}
