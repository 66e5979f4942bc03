package dev.stepwise.runtime.internal.commit;

import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.internal.observe.Observers;
import dev.stepwise.runtime.internal.observe.RunWaiters;
import dev.stepwise.runtime.internal.observe.Watchers;
import dev.stepwise.runtime.internal.store.RunStore;
import dev.stepwise.runtime.internal.store.dialect.Notifier;
import dev.stepwise.runtime.spi.observe.RunFinish;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The one place a committed change of a run is reported, after its transaction: to the threads that
 * await the run here, to its watches, to other nodes (PostgreSQL NOTIFY), and, for a child run that
 * finished, to its parent's waiting step. Every writer calls this instead of telling each of those
 * itself, so none of them can be forgotten.
 */
public final class RunChanges {
  private final RunWaiters waiters;
  private final Watchers watchers;
  private final Notifier notifier;
  private final RunStore repo;
  private final Runnable workQueued;
  private final Clock clock;
  private final Observers observers;

  /**
   * @param workQueued tells the dispatcher that a woken parent's step is queued
   */
  public RunChanges(
      RunWaiters waiters,
      Watchers watchers,
      Notifier notifier,
      RunStore repo,
      Runnable workQueued,
      Clock clock,
      Observers observers) {
    this.observers = observers;
    this.waiters = waiters;
    this.watchers = watchers;
    this.notifier = notifier;
    this.repo = repo;
    this.workQueued = workQueued;
    this.clock = clock;
  }

  /** A commit changed the run without settling it: only watches want to know (no NOTIFY). */
  public void touched(String runId) {
    watchers.changed(runId);
  }

  /** A commit changed the run. */
  public void changed(String runId) {
    changed(runId, null);
  }

  /**
   * A commit changed the run; {@code succeeded} is its final status if that commit finished it
   * successfully (built from the rows the commit read and wrote), else null.
   */
  public void changed(String runId, RunStatus succeeded) {
    local(runId);
    notifier.announce(runId);
    waiters.wake(runId, succeeded);
  }

  /**
   * A commit changed the run and already told other nodes so itself (a NOTIFY in its own
   * statement): as {@link #changed(String, RunStatus)}, without announcing it again.
   */
  public void changedAndAnnounced(String runId, RunStatus succeeded) {
    local(runId);
    waiters.wake(runId, succeeded);
  }

  /**
   * A commit finished a run of {@code workflow} created at {@code createdAt}: tells the observers
   * (once, by the node whose commit it was).
   */
  public void finished(
      String workflow, String runId, Status status, Instant createdAt, Instant finishedAt) {
    if (observers.isEmpty()) {
      return;
    }
    Duration took =
        createdAt == null || finishedAt == null
            ? Duration.ZERO
            : Duration.between(createdAt, finishedAt);
    observers.runFinished(new RunFinish(workflow, runId, status, took));
  }

  /** Another node changed the run (its NOTIFY arrived): wake this node's waiters and watches. */
  public void changedElsewhere(String runId) {
    waiters.wake(runId, null);
    watchers.changed(runId);
  }

  /** Whether the commit that finishes the run should hand its final status to a waiter. */
  public boolean isAwaited(String runId) {
    return waiters.isAwaited(runId);
  }

  private void local(String runId) {
    watchers.changed(runId);
    // A child that finished wakes its parent's step (a read only for child run ids).
    ChildRuns.wakeParent(repo, runId, clock.instant())
        .ifPresent(
            parent -> {
              changed(parent);
              workQueued.run();
            });
  }
}
