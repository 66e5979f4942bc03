package dev.stepwise.runtime.internal.progress;

import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepStatus;
import dev.stepwise.runtime.internal.model.Rows.StepRow;
import java.util.ArrayList;
import java.util.List;

/** A parent run's status with its child runs' steps listed as {@code step/childStep}. */
public final class FamilyStatus {
  private FamilyStatus() {}

  /**
   * {@code parent} with {@code descendantSteps} appended, each named by its run's id below the
   * parent's; a parent that waits on a suspended child shows as SUSPENDED.
   */
  public static RunStatus withChildren(RunStatus parent, List<StepRow> descendantSteps) {
    if (descendantSteps.isEmpty()) {
      return parent;
    }
    String prefix = parent.runId() + "/";
    List<StepStatus> steps = new ArrayList<>(parent.steps());
    boolean childSuspended = false;
    for (StepRow r : descendantSteps) {
      steps.add(
          new StepStatus(
              r.runId().substring(prefix.length()) + "/" + r.stepId(),
              r.status(),
              r.attempts(),
              r.startedAt(),
              r.finishedAt(),
              r.output(),
              null,
              r.suspendReason()));
      childSuspended |= r.status() == Status.SUSPENDED;
    }
    Status status = parent.status();
    if (status == Status.WAITING && childSuspended) {
      status = Status.SUSPENDED;
    }
    return new RunStatus(
        parent.runId(),
        parent.workflow(),
        status,
        steps,
        parent.failedStep(),
        parent.error(),
        parent.createdAt(),
        parent.updatedAt());
  }
}
