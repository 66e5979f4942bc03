package dev.stepwise.runtime.internal.commit;

import dev.stepwise.runtime.NotSuspendedException;
import dev.stepwise.runtime.RunNotFoundException;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.store.RunQueries;
import dev.stepwise.runtime.internal.store.RunStore;
import dev.stepwise.runtime.internal.store.StepStore;
import dev.stepwise.runtime.internal.store.TimerRows;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * What a caller does to a run from outside: resume a suspended step, send an event, cancel. Each is
 * one transaction under the run's lock, then reported ({@link RunChanges}) and, where a step became
 * ready, handed to the dispatcher (or, for a resumed step this node has a worker for, straight to
 * that worker). The caller has validated the payload already, so a refused request stores nothing.
 */
public final class RunControl {
  private final RunStore repo;
  private final RunChanges changes;
  private final Wakeups wakeups;
  private final Clock clock;
  private final RunRetry retries;
  private final RunBulk bulk;
  private final RunFork forks;
  private final RunResume resumes;

  public RunControl(
      RunStore repo, RunChanges changes, Wakeups wakeups, Clock clock, RunResume resumes) {
    this.repo = repo;
    this.resumes = resumes;
    this.changes = changes;
    this.wakeups = wakeups;
    this.clock = clock;
    this.retries = new RunRetry(repo, new TimerRows(repo), changes, wakeups, clock);
    this.bulk = new RunBulk(repo, new RunQueries(repo.dsl()), changes, wakeups, clock);
    this.forks = new RunFork(repo, new TimerRows(repo), changes, wakeups, clock);
  }

  /** Forks a run ({@link RunFork}); returns the new run's id. */
  public String fork(
      WorkflowGraph graph,
      RunFork.Request request,
      Function<String, RunNotFoundException> notFound) {
    return forks.fork(graph, request, notFound);
  }

  /** Retries a failed or cancelled run ({@link RunRetry}); false if it is neither. */
  public boolean retry(
      String runId,
      WorkflowDefinition definition,
      Function<String, RunNotFoundException> notFound) {
    return retries.retry(runId, definition, notFound);
  }

  /** Bulk cancel, retry and delete by query. */
  public RunBulk bulk() {
    return bulk;
  }

  /**
   * Resumes suspended step {@code stepId} of {@code runId} with {@code payloadJson} ({@link
   * RunResume}: leased to this node and handed to a worker if one is free, else re-queued).
   *
   * @param workflow the run must be of this workflow; null for a child run reached through its
   *     parent, which may be of any workflow
   * @param notFound the error for a run that does not exist (or is of another workflow)
   * @throws NotSuspendedException if the step is not suspended: exactly one of two concurrent
   *     resumes wins
   */
  public void resume(
      String runId,
      String workflow,
      String stepId,
      String payloadJson,
      Function<String, RunNotFoundException> notFound) {
    resumes.resume(runId, workflow, stepId, payloadJson, notFound);
  }

  /** Stores event {@code name} for {@code runId}; true if it was new (see {@link EventInbox}). */
  public boolean sendEvent(String runId, String name, String payloadJson) {
    boolean stored = EventInbox.send(repo, runId, name, payloadJson, clock.instant());
    changes.changed(runId);
    wakeups.workQueued();
    return stored;
  }

  /**
   * Cancels {@code runId} and its open steps, then each unfinished descendant run in a transaction
   * of its own; false if the run had finished already.
   */
  public boolean cancel(
      String runId, String workflow, Function<String, RunNotFoundException> notFound) {
    Instant now = clock.instant();
    Instant[] createdAt = {null};
    boolean cancelled =
        repo.inTransaction(
            tx -> {
              RunRow run =
                  repo.lockRun(tx, runId)
                      .filter(r -> r.workflow().equals(workflow))
                      .orElseThrow(() -> notFound.apply(runId));
              if (run.status().isTerminal()) {
                return false;
              }
              repo.setRunStatus(tx, runId, Status.CANCELLED, now);
              StepStore.cancelOpenSteps(tx, runId, now);
              createdAt[0] = run.createdAt();
              return true;
            });
    if (cancelled) {
      changes.finished(workflow, runId, Status.CANCELLED, createdAt[0], now);
      changes.changed(runId);
      ChildRuns.cancelDescendants(repo, runId, now).forEach(changes::changed);
      wakeups.workQueued(); // a cancelled run frees its workflow's slot, its steps their queues'
    }
    return cancelled;
  }
}
