package dev.stepwise.runtime.internal.store.dialect;

import dev.stepwise.runtime.internal.model.Rows.Task;
import java.time.Duration;
import java.time.Instant;

/**
 * The write of a resume, in one transaction: lock the run, move its suspended step on with the
 * payload, set the run RUNNING. With an {@code owner} the step is leased to that node in the same
 * write (unless it waits for a queue, whose claim alone may start it), and the write returns what
 * the step needs to run: its lease and the run's snapshot, so that no claim follows.
 */
public interface ResumeWrites {

  /** What the write did. */
  enum Kind {
    /** No run of that id (and of that workflow, if one was named): nothing was written. */
    NO_RUN,
    /** The run exists but the step is not suspended: nothing was written. */
    NOT_SUSPENDED,
    /** The step is PENDING again, for a claim to take. */
    QUEUED,
    /** The step is RUNNING, leased to the owner; {@code task} is it. */
    LEASED
  }

  /**
   * @param task the leased step with its snapshot, for {@link Kind#LEASED}; null otherwise
   */
  record Result(Kind kind, Task task) {
    static final Result NO_RUN = new Result(Kind.NO_RUN, null);
    static final Result NOT_SUSPENDED = new Result(Kind.NOT_SUSPENDED, null);
    static final Result QUEUED = new Result(Kind.QUEUED, null);
  }

  /** What to resume, and to whom to lease it. */
  record Request(
      String runId,
      String workflow,
      String stepId,
      String payload,
      String owner,
      Duration lease,
      Instant now) {

    /** Whether the step is to be leased to {@code owner}, not queued. */
    boolean leases() {
      return owner != null;
    }
  }

  /**
   * Resumes the request's step.
   *
   * <p>{@code workflow} null: a child run reached through its parent, of any workflow. {@code
   * owner} null: the step is left PENDING for the claims.
   */
  Result resume(Request request);
}
