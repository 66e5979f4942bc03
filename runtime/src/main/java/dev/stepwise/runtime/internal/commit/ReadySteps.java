package dev.stepwise.runtime.internal.commit;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.internal.model.Rows.NewStep;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.progress.FanOutPlan;
import dev.stepwise.runtime.internal.progress.GraphProgress;
import dev.stepwise.runtime.internal.store.StepStore;
import dev.stepwise.runtime.internal.store.TimerRows;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Advances a run's graph from its rows as they are and inserts what became ready, for the writes
 * that change a run from outside a step's completion (a retry, a fork): ready steps PENDING in
 * their queues, delayed ones WAITING, fan-outs' first elements, skipped ones SKIPPED. Nothing is
 * leased here: the claims take them.
 */
final class ReadySteps {
  private ReadySteps() {}

  /**
   * Inserts the steps ready given {@code statuses} (one entry per step row) and {@code outputs};
   * returns the earliest timer due among them, or null for none.
   */
  static Instant insert(
      DSLContext tx,
      TimerRows timers,
      RunRow run,
      WorkflowGraph graph,
      Map<String, Status> statuses,
      Map<String, String> outputs,
      Instant now) {
    FanOutPlan plan = FanOutPlan.of(graph, statuses, outputs);
    GraphProgress.Result p = plan.progress();
    Instant due = timers.insertWaiting(tx, run, graph, p.waiting(), now);
    FanOut.insert(tx, run, graph, plan, outputs, now);
    List<NewStep> rows = new ArrayList<>();
    for (String stepId : p.ready()) {
      rows.add(NewStep.pending(run.id(), stepId, run.workflow(), queueOf(graph, stepId)));
    }
    for (String stepId : p.skipped()) {
      rows.add(NewStep.skipped(run.id(), stepId, run.workflow(), now, queueOf(graph, stepId)));
    }
    StepStore.insertSteps(tx, rows, now);
    return due;
  }

  static String queueOf(WorkflowGraph graph, String stepId) {
    return graph.step(stepId).map(StepSpec::queueName).orElse(null);
  }
}
