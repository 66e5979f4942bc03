package dev.stepwise.runtime;

import java.time.Instant;

/**
 * One state change of a run, as a {@link RunListener} sees it.
 *
 * <p>For a step ({@code stepId} set): {@code RUNNING} is "attempt {@code attempt} started"; {@code
 * PENDING} after an attempt is "retry scheduled" (or "resumed", "woken by its event"); {@code
 * SUCCEEDED}, {@code FAILED}, {@code SKIPPED}, {@code SUSPENDED}, {@code WAITING} and {@code
 * CANCELLED} are what they say. For the run ({@code stepId} null): its new status; a terminal one
 * is the run finishing, and the last change delivered.
 *
 * @param runId the run
 * @param stepId the step (for a loop iteration {@code step#k}), or null for the run itself
 * @param status the new status
 * @param attempt the step's attempt the change belongs to (0 before any); 0 for the run
 * @param at when it happened, where the stored state records it (start and finish times), or null
 */
public record RunChange(String runId, String stepId, Status status, int attempt, Instant at) {

  /** True for a change of the run's own status. */
  public boolean isRunChange() {
    return stepId == null;
  }

  @Override
  public String toString() {
    return (stepId == null ? "run" : stepId)
        + " "
        + status
        + (stepId == null ? "" : " (attempt " + attempt + ")");
  }
}
