package dev.stepwise.runtime.internal.commit;

import dev.stepwise.runtime.RunNotFoundException;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.model.Rows.StepRow;
import dev.stepwise.runtime.internal.store.RunStore;
import dev.stepwise.runtime.internal.store.StepStore;
import dev.stepwise.runtime.internal.store.TimerRows;
import dev.stepwise.runtime.spi.WorkflowDefinition;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Retries a failed or cancelled run from where it stopped, in one transaction under the run's lock:
 * the steps that failed or were cancelled start again with a fresh attempt budget, the ones that
 * succeeded keep their outputs and are not run again, and the steps that had become ready when the
 * run stopped (a branch that finished after the failure) are inserted now, as a completion would
 * have inserted them.
 */
public final class RunRetry {
  private final RunStore repo;
  private final TimerRows timers;
  private final RunChanges changes;
  private final Wakeups wakeups;
  private final Clock clock;

  public RunRetry(
      RunStore repo, TimerRows timers, RunChanges changes, Wakeups wakeups, Clock clock) {
    this.repo = repo;
    this.timers = timers;
    this.changes = changes;
    this.wakeups = wakeups;
    this.clock = clock;
  }

  /**
   * Retries {@code runId}; false if it is not failed or cancelled. A run of a workflow with {@code
   * maxParallelism} goes back to waiting for a slot (QUEUED), as a new run would: it held none
   * while it was stopped.
   */
  public boolean retry(
      String runId,
      WorkflowDefinition definition,
      Function<String, RunNotFoundException> notFound) {
    WorkflowGraph graph = definition.graph();
    boolean waitsForSlot = definition.flowControl().limitsRuns();
    Instant now = clock.instant();
    Retried retried =
        repo.inTransaction(
            tx -> {
              RunRow run =
                  repo.lockRun(tx, runId)
                      .filter(r -> r.workflow().equals(graph.name()))
                      .orElseThrow(() -> notFound.apply(runId));
              if (!repo.reopen(tx, runId, now)) {
                return Retried.NOT;
              }
              Map<String, Status> statuses = new HashMap<>();
              Map<String, String> outputs = new HashMap<>();
              for (StepRow r : StepStore.steps(tx, runId)) {
                Status status = r.status();
                if (status == Status.FAILED || status == Status.CANCELLED) {
                  boolean parent =
                      !Ids.isItem(r.stepId())
                          && graph
                              .step(r.stepId())
                              .map(s -> s.options().isParallel())
                              .orElse(false);
                  StepStore.reopenStep(tx, runId, r.stepId(), parent, now);
                  status = parent ? Status.RUNNING : Status.PENDING;
                }
                if (!Ids.isItem(r.stepId())) {
                  statuses.put(r.stepId(), status);
                }
                if (status == Status.SUCCEEDED) {
                  outputs.put(r.stepId(), r.output());
                }
              }
              Instant due = ReadySteps.insert(tx, timers, run, graph, statuses, outputs, now);
              if (waitsForSlot) {
                repo.setRunStatus(tx, runId, Status.QUEUED, now);
                StepStore.holdForSlot(tx, runId);
              }
              return new Retried(true, due);
            });
    if (!retried.done()) {
      return false;
    }
    changes.changed(runId);
    wakeups.workQueued();
    if (retried.timerDue() != null) {
      wakeups.timerAt(retried.timerDue());
    }
    return true;
  }

  /** Whether the run was retried, and the earliest timer its newly ready steps wait for. */
  private record Retried(boolean done, Instant timerDue) {
    static final Retried NOT = new Retried(false, null);
  }
}
