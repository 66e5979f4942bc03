package dev.stepwise.runtime.internal.commit;

import java.time.Instant;

/**
 * How a commit tells this node's threads that what it wrote is due, so that none of them polls for
 * it: the dispatcher claims queued steps and retries, the timer thread fires delays and event
 * deadlines.
 */
public interface Wakeups {
  /** Steps were queued that this node did not take itself: claim them. */
  void workQueued();

  /** A retry becomes due at {@code due}. */
  void retryAt(Instant due);

  /** A durable timer or an event's deadline becomes due at {@code due}. */
  void timerAt(Instant due);
}
