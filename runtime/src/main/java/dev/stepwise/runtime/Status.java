package dev.stepwise.runtime;

/** The state of a run or of one of its steps. */
public enum Status {
  /** Not started yet: a run that no worker has touched, or a step not yet reached or queued. */
  PENDING,
  /**
   * Waiting for a slot: a run beyond its workflow's {@code maxParallelism} (and its first steps),
   * or, in a status report, a pending step waiting for its queue. Holds no thread.
   */
  QUEUED,
  /** Being executed (a step), or has steps pending or executing (a run). */
  RUNNING,
  SUCCEEDED,
  FAILED,
  /** A step whose condition was false, or whose join could not run; never a failure. */
  SKIPPED,
  /** Parked until resumed with a payload; nothing waits in memory. */
  SUSPENDED,
  /** Waiting for an event or a timer. */
  WAITING,
  CANCELLED;

  /** True for states a run or step never leaves: succeeded, failed, skipped or cancelled. */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == SKIPPED || this == CANCELLED;
  }
}
