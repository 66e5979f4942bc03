package dev.stepwise.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot of a run: its status, and every step of its workflow in graph order.
 *
 * @param runId the run id
 * @param workflow the workflow's name
 * @param status the run's status
 * @param steps every step of the graph, in declaration order
 * @param failedStep the step that failed the run, or null
 * @param error that step's error, or null
 * @param createdAt when the run was started
 * @param updatedAt when its state last changed
 */
public record RunStatus(
    String runId,
    String workflow,
    Status status,
    List<StepStatus> steps,
    String failedStep,
    StepError error,
    Instant createdAt,
    Instant updatedAt) {

  public RunStatus {
    steps = List.copyOf(steps);
  }

  /** The step with this id, if the workflow has one. */
  public Optional<StepStatus> step(String stepId) {
    return steps.stream().filter(s -> s.stepId().equals(stepId)).findFirst();
  }

  /** True once the run succeeded, failed or was cancelled. */
  public boolean isFinished() {
    return status.isTerminal();
  }

  /**
   * True when the run has nothing to execute now: finished, suspended (waits for a resume), or
   * waiting (for a durable timer or an event; it goes on by itself once that fires).
   */
  public boolean isSettled() {
    return status.isTerminal() || status == Status.SUSPENDED || status == Status.WAITING;
  }
}
