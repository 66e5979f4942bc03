package dev.stepwise.runtime;

import java.time.Instant;
import java.util.Optional;

/**
 * What the steps of the workflows registered on an engine have to do, by the engine's clock: read
 * from the database, so it counts every node's steps. An engine with nothing running and nothing
 * ready is idle until {@link #nextDue()}: a test's virtual clock may then skip to that instant.
 *
 * @param running steps being executed (leased to a node)
 * @param ready steps that could be claimed now: pending and due, or waiting for a timer (or an
 *     event's deadline) that has passed but not been fired yet; and cron schedules whose tick has
 *     passed but not been started yet. Steps waiting for a queue's slot count here too.
 * @param nextDue the earliest instant after now at which a retry, a timer, an event's deadline or a
 *     schedule's tick falls due; null if none
 */
public record Workload(int running, int ready, Instant nextDue) {

  /** True when no step is running and none is ready: nothing happens until time passes. */
  public boolean isIdle() {
    return running == 0 && ready == 0;
  }

  /** The earliest instant after now at which something falls due, if anything does. */
  public Optional<Instant> nextDueTime() {
    return Optional.ofNullable(nextDue);
  }
}
