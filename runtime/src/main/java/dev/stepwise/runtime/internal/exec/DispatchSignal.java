package dev.stepwise.runtime.internal.exec;

import dev.stepwise.runtime.internal.model.Signal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * What wakes the dispatcher: steps queued on this node, a worker freed while work may be waiting, a
 * retry that becomes due. Shared by the dispatcher, which sleeps on it, and the worker pool, which
 * frees permits, so that neither needs the other to be built first.
 */
public final class DispatchSignal {
  private final Signal signal = new Signal();
  // Every retry time still to come, not only the earliest: once the earliest passed, the dispatcher
  // must still wake for the next one (keeping just the minimum lost the later retries until the
  // next poll, which a long poll interval made a stall).
  private final NavigableSet<Instant> dues = new ConcurrentSkipListSet<>();
  private final QueueDemand queues = new QueueDemand();
  // True when there may be more queued work than this node had room for.
  private volatile boolean hungry;

  /** Steps were queued on this node (no room to run them here, a resume, a sweep). */
  public void workQueued() {
    hungry = true;
    queues.markAll();
    signal.raise();
  }

  /** Which queues and run limits may have work. */
  QueueDemand queues() {
    return queues;
  }

  /** A step of queue {@code name} (or a run of a run limit) finished: claim its waiting ones. */
  void slotFreed(String name) {
    queues.mark(name);
    signal.raise();
  }

  /** Queue {@code name}'s rate window lets another step start at {@code at}. */
  void queueDueAt(String name, Instant at) {
    queues.markAt(name, at);
    wakeAt(at);
  }

  /** A worker became free; only worth a claim if work may be waiting. */
  void capacityFreed() {
    if (hungry) {
      signal.raise();
    }
  }

  /** A retry becomes due at {@code due}: wake up then rather than at the next poll. */
  public void wakeAt(Instant due) {
    dues.add(due);
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
    Duration wait = nextWait(pollInterval, clock);
    signal.await(wait);
    if (wait.equals(pollInterval)) {
      // Possibly a poll: a queue's slot may have freed on a node that could not tell us.
      queues.markAll();
    }
  }

  /** How long the dispatcher may sleep: zero if a retry fell due since its last claim. */
  Duration nextWait(Duration pollInterval, Clock clock) {
    Instant now = clock.instant();
    boolean fellDue = false;
    for (Instant due = dues.pollFirst(); due != null; due = dues.pollFirst()) {
      if (!due.isAfter(now)) {
        // A retry or a debounce fell due: if it is a queue's step, only its queue's claim may
        // take it, and that queue was not marked when the step was put back.
        queues.markAll();
      }
      if (due.isAfter(now)) {
        dues.add(due); // the earliest still to come
        Duration untilDue = Duration.between(now, due);
        return fellDue
            ? Duration.ZERO
            : untilDue.compareTo(pollInterval) < 0 ? untilDue : pollInterval;
      }
      fellDue = true;
    }
    return fellDue ? Duration.ZERO : pollInterval;
  }
}
