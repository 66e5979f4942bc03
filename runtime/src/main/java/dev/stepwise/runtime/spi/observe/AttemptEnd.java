package dev.stepwise.runtime.spi.observe;

import dev.stepwise.runtime.Status;
import java.time.Duration;
import java.time.Instant;

/**
 * How a step attempt ended.
 *
 * @param status {@code SUCCEEDED}, {@code FAILED} (for good, or with a retry scheduled: {@link
 *     #retryAt}), {@code SKIPPED}, {@code SUSPENDED}, {@code WAITING} (for its event or child run),
 *     {@code CANCELLED} (its run had finished before it started); {@code PENDING} when the step did
 *     not end but the engine could not record it and put it back in the queue, to run again
 * @param errorType the class name of what the step threw, or null
 * @param retryAt when the retry this failure scheduled is due, or null if none was
 * @param duration from the attempt's start until its outcome was recorded
 */
public record AttemptEnd(Status status, String errorType, Instant retryAt, Duration duration) {

  /** True if the attempt failed and another one is scheduled. */
  public boolean retrying() {
    return retryAt != null;
  }
}
