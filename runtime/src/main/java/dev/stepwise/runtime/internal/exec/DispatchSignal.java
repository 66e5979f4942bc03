package dev.stepwise.runtime.internal.exec;

import dev.stepwise.runtime.internal.model.Signal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What wakes the dispatcher: steps queued on this node, a worker freed while work may be waiting, a
 * retry that becomes due. Shared by the dispatcher, which sleeps on it, and the worker pool, which
 * frees permits, so that neither needs the other to be built first.
 */
public final class DispatchSignal {
  private final Signal signal = new Signal();
  private final AtomicReference<Instant> nextDue = new AtomicReference<>();
  // True when there may be more queued work than this node had room for.
  private volatile boolean hungry;

  /** Steps were queued on this node (no room to run them here, a resume, a sweep). */
  public void workQueued() {
    hungry = true;
    signal.raise();
  }

  /** A worker became free; only worth a claim if work may be waiting. */
  void capacityFreed() {
    if (hungry) {
      signal.raise();
    }
  }

  /** A retry becomes due at {@code due}: wake up then rather than at the next poll. */
  public void wakeAt(Instant due) {
    nextDue.accumulateAndGet(due, (a, b) -> a == null || b.isBefore(a) ? b : a);
    signal.raise();
  }

  /** Wakes the dispatcher now, for it to notice that it is stopping. */
  void raise() {
    signal.raise();
  }

  /** Whether the last claim may have left work queued (it had no room for all of it). */
  void hungry(boolean hungry) {
    this.hungry = hungry;
  }

  /** Sleeps until raised, or at most min(poll interval, time to the earliest known retry). */
  void await(Duration pollInterval, Clock clock) throws InterruptedException {
    signal.await(nextWait(pollInterval, clock));
  }

  private Duration nextWait(Duration pollInterval, Clock clock) {
    Duration wait = pollInterval;
    Instant due = nextDue.get();
    if (due != null) {
      Duration untilDue = Duration.between(clock.instant(), due);
      if (untilDue.isNegative() || untilDue.isZero()) {
        nextDue.compareAndSet(due, null);
        return Duration.ZERO;
      }
      if (untilDue.compareTo(wait) < 0) {
        wait = untilDue;
      }
    }
    return wait;
  }
}
