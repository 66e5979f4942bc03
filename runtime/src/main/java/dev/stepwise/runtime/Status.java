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
  CANCELLED,
  /**
   * In a status report only: a step a failed run never reached, and never will unless the run is
   * retried (unlike {@link #PENDING}, which reads as "will run").
   */
  NOT_REACHED;

  /**
   * True for states a run or step never leaves: succeeded, failed, skipped, cancelled or not
   * reached (short of a retry of the run).
   */
  public boolean isTerminal() {
    return this == SUCCEEDED
        || this == FAILED
        || this == SKIPPED
        || this == CANCELLED
        || this == NOT_REACHED;
  }
}
