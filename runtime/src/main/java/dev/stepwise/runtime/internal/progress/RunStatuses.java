package dev.stepwise.runtime.internal.progress;

import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepStatus;
import dev.stepwise.runtime.internal.model.Ids;
import dev.stepwise.runtime.internal.model.Rows.RunRow;
import dev.stepwise.runtime.internal.model.Rows.StepRow;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the public {@link RunStatus} from stored rows, listing every graph step in order. */
public final class RunStatuses {
  private RunStatuses() {}

  public static RunStatus of(WorkflowGraph graph, RunRow run, List<StepRow> rows) {
    Map<String, StepRow> byId = new LinkedHashMap<>();
    rows.forEach(r -> byId.put(r.stepId(), r));
    List<StepStatus> steps = new ArrayList<>();
    for (StepSpec spec : graph.steps()) {
      StepRow r = byId.remove(spec.id());
      if (r != null) {
        steps.add(neverStarted(run, r) ? notReached(spec.id()) : status(r));
      } else if (run.status() == Status.FAILED) {
        steps.add(notReached(spec.id()));
      } else if (run.status() == Status.CANCELLED) {
        // A cancelled run never reaches its remaining steps: show them cancelled, not pending.
        steps.add(new StepStatus(spec.id(), Status.CANCELLED, 0, null, null, null, null, null));
      } else {
        steps.add(StepStatus.notReached(spec.id()));
      }
    }
    // Rows of steps the deployed graph no longer has (a run of an older version) stay visible.
    // Elements of a fan-out (step[i]) are tasks of their step, not steps of the graph.
    byId.values().stream().filter(r -> !Ids.isItem(r.stepId())).forEach(r -> steps.add(status(r)));
    Status status = run.status();
    if (status == Status.PENDING && rows.stream().anyMatch(r -> r.status() != Status.PENDING)) {
      // The run row changes at the first completion; until then a claimed step shows it started.
      status = Status.RUNNING;
    }
    return new RunStatus(
        run.id(),
        run.workflow(),
        status,
        steps,
        run.failedStep(),
        run.error(),
        run.createdAt(),
        run.updatedAt());
  }

  /** A step of a failed run that was queued but never started: it will not run either. */
  private static boolean neverStarted(RunRow run, StepRow r) {
    return run.status() == Status.FAILED
        && r.attempts() == 0
        && (r.status() == Status.PENDING || r.status() == Status.QUEUED);
  }

  private static StepStatus notReached(String stepId) {
    return new StepStatus(stepId, Status.NOT_REACHED, 0, null, null, null, null, null);
  }

  private static StepStatus status(StepRow r) {
    return new StepStatus(
        r.stepId(),
        r.status(),
        r.attempts(),
        r.startedAt(),
        r.finishedAt(),
        r.output(),
        r.error(),
        r.suspendReason());
  }
}
