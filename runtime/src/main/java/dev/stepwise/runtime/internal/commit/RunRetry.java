package dev.stepwise.runtime.internal.commit;

import dev.stepwise.runtime.RunNotFoundException;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.Rows.NewStep;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.model.Rows.StepRow;
import dev.stepwise.runtime.internal.progress.FanOutPlan;
import dev.stepwise.runtime.internal.progress.GraphProgress;
import dev.stepwise.runtime.internal.store.RunStore;
import dev.stepwise.runtime.internal.store.StepStore;
import dev.stepwise.runtime.internal.store.TimerRows;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.DSLContext;

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

  /** Retries {@code runId}; false if it is not failed or cancelled. */
  public boolean retry(
      String runId, WorkflowGraph graph, Function<String, RunNotFoundException> notFound) {
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
              return new Retried(true, insertReady(tx, run, graph, statuses, outputs, now));
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

  /**
   * Inserts the steps that are ready now but have no row; returns the earliest timer due among
   * them, or null for none.
   */
  private Instant insertReady(
      DSLContext tx,
      RunRow run,
      WorkflowGraph graph,
      Map<String, Status> statuses,
      Map<String, String> outputs,
      Instant now) {
    FanOutPlan plan = FanOutPlan.of(graph, statuses, outputs);
    GraphProgress.Result p = plan.progress();
    Instant due = timers.insertWaiting(tx, run, graph, p.waiting(), now);
    FanOut.insert(tx, run, graph, plan, now);
    List<NewStep> rows = new ArrayList<>();
    for (String stepId : p.ready()) {
      String queue = graph.step(stepId).map(StepSpec::queueName).orElse(null);
      rows.add(NewStep.pending(run.id(), stepId, run.workflow(), queue));
    }
    for (String stepId : p.skipped()) {
      rows.add(
          new NewStep(
              run.id(),
              stepId,
              run.workflow(),
              Status.SKIPPED,
              0,
              null,
              null,
              null,
              now,
              0L,
              null));
    }
    StepStore.insertSteps(tx, rows, now);
    return due;
  }
}
