package dev.stepwise.runtime.spi;

import java.time.Duration;
import java.util.List;

/**
 * When and how often a failed step is executed again.
 *
 * @param attempts the total number of executions, the first included
 * @param delay the delay before the first retry
 * @param backoff the factor by which the delay grows per retry
 * @param maxDelay the cap on any one delay
 * @param jitter the random spread of each delay, in [0, 1]
 * @param retryOn only these exception types are retried; empty means all
 * @param abortOn these exception types are never retried
 */
public record RetryPolicy(
    int attempts,
    Duration delay,
    double backoff,
    Duration maxDelay,
    double jitter,
    List<Class<? extends Throwable>> retryOn,
    List<Class<? extends Throwable>> abortOn) {

  /** One execution, no retry: the policy of a step that declares none. */
  public static final RetryPolicy NONE =
      new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO, 0.0, List.of(), List.of());

  public RetryPolicy {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
    }
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("jitter must be in [0, 1], was " + jitter);
    }
    if (!(backoff >= 1.0)) {
      throw new IllegalArgumentException("backoff must be at least 1, was " + backoff);
    }
    if (delay.isNegative() || maxDelay.isNegative()) {
      throw new IllegalArgumentException("delays must not be negative");
    }
    retryOn = List.copyOf(retryOn);
    abortOn = List.copyOf(abortOn);
  }
}
