package dev.stepwise.runtime.internal.progress;

import dev.stepwise.runtime.spi.RetryPolicy;
import java.time.Duration;

/** Decides whether a failed attempt is retried, and how long to wait first. Pure. */
public final class Backoff {
  private Backoff() {}

  /**
   * True if a step that failed its {@code attempt}-th execution with {@code error} runs again. Only
   * exceptions are retried (not errors such as {@link AssertionError}), never {@code abortOn}
   * types, and only {@code retryOn} types when that list is not empty.
   */
  public static boolean shouldRetry(RetryPolicy policy, int attempt, Throwable error) {
    if (attempt >= policy.attempts() || !(error instanceof Exception)) {
      return false;
    }
    if (policy.abortOn().stream().anyMatch(t -> t.isInstance(error))) {
      return false;
    }
    return policy.retryOn().isEmpty()
        || policy.retryOn().stream().anyMatch(t -> t.isInstance(error));
  }

  /**
   * The wait after the {@code attempt}-th execution failed: {@code min(maxDelay, delay *
   * backoff^(attempt-1))} scaled by a factor in {@code [1 - jitter, 1 + jitter]}.
   *
   * @param random a number in [0, 1), so tests can pin the jitter
   */
  public static Duration delay(RetryPolicy policy, int attempt, double random) {
    double nanos = policy.delay().toNanos() * Math.pow(policy.backoff(), attempt - 1);
    // A zero maxDelay means "no cap": a policy that sets a delay but no cap must still wait.
    if (!policy.maxDelay().isZero() && !policy.maxDelay().isNegative()) {
      nanos = Math.min(nanos, policy.maxDelay().toNanos());
    }
    double factor = 1 + policy.jitter() * (2 * random - 1);
    return Duration.ofNanos(Math.max(0L, Math.round(nanos * factor)));
  }
}
