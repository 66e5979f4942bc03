package dev.stepwise.runtime;

import java.time.Instant;

/**
 * The stored state of one step of a run.
 *
 * @param stepId the step id
 * @param status its status; {@link Status#PENDING} for a step the run has not reached yet
 * @param attempts how many times it has started executing
 * @param startedAt when the latest attempt started, or null
 * @param finishedAt when it reached a terminal or suspended state, or null
 * @param outputJson its output as JSON, or null (not succeeded, or a {@code void} step)
 * @param error the error of its latest failed attempt, or null
 * @param suspendReason the reason given to {@code suspend}, or null
 * @param queued where it waits, for a {@link Status#QUEUED} step; else null
 */
public record StepStatus(
    String stepId,
    Status status,
    int attempts,
    Instant startedAt,
    Instant finishedAt,
    String outputJson,
    StepError error,
    String suspendReason,
    QueuePlace queued) {

  /** A step's state without a place in a queue. */
  public StepStatus(
      String stepId,
      Status status,
      int attempts,
      Instant startedAt,
      Instant finishedAt,
      String outputJson,
      StepError error,
      String suspendReason) {
    this(stepId, status, attempts, startedAt, finishedAt, outputJson, error, suspendReason, null);
  }

  /** This state, waiting at {@code place} of a queue. */
  public StepStatus queuedAt(QueuePlace place) {
    return new StepStatus(
        stepId,
        Status.QUEUED,
        attempts,
        startedAt,
        finishedAt,
        outputJson,
        error,
        suspendReason,
        place);
  }

  /** The state of a step the run has not reached yet. */
  public static StepStatus notReached(String stepId) {
    return new StepStatus(stepId, Status.PENDING, 0, null, null, null, null, null);
  }
}
