package dev.stepwise.runtime.internal.commit;

import dev.stepwise.runtime.NotSuspendedException;
import dev.stepwise.runtime.RunNotFoundException;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.internal.model.EngineConfig;
import dev.stepwise.runtime.internal.model.Rows.Task;
import dev.stepwise.runtime.internal.store.RunStore;
import dev.stepwise.runtime.internal.store.StepStore;
import dev.stepwise.runtime.internal.store.dialect.ResumeWrites;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Resumes a suspended step ({@link ResumeWrites}: one statement on PostgreSQL). When this node has
 * a free worker, the write leases the step to this node and returns its snapshot, and the step goes
 * straight to that worker, as the roots of a start do ({@link RunStarter}): no claim, no dispatcher
 * in between. Otherwise the step is left PENDING and the dispatcher is woken to claim it.
 *
 * <p>A step leased here runs here: the permit taken before the write is the worker's, so it never
 * waits for a thread; should the pool refuse it (shutting down), its lease expires and the sweeper
 * queues it again for any node.
 */
public final class RunResume {
  private final ResumeWrites writes;
  private final RunStore repo;
  private final Permits pool;
  private final BooleanSupplier nodeRunning;
  private final Consumer<Task> worker;
  private final RunChanges changes;
  private final Wakeups wakeups;
  private final EngineConfig config;
  private final Clock clock;

  /**
   * @param nodeRunning whether this node executes steps (its dispatcher runs): only then is a step
   *     leased to it
   * @param worker hands a leased step, with the permit taken for it, to a worker thread
   */
  public RunResume(
      ResumeWrites writes,
      RunStore repo,
      Permits pool,
      BooleanSupplier nodeRunning,
      Consumer<Task> worker,
      RunChanges changes,
      Wakeups wakeups,
      EngineConfig config,
      Clock clock) {
    this.writes = writes;
    this.repo = repo;
    this.pool = pool;
    this.nodeRunning = nodeRunning;
    this.worker = worker;
    this.changes = changes;
    this.wakeups = wakeups;
    this.config = config;
    this.clock = clock;
  }

  /**
   * Resumes step {@code stepId} of {@code runId} with {@code payloadJson}.
   *
   * @param workflow the run must be of this workflow, which this node has registered; null for a
   *     child run reached through its parent, which may be of any workflow, so is never leased here
   *     (this node may not know it)
   * @throws NotSuspendedException if the step is not suspended: exactly one of two concurrent
   *     resumes wins
   */
  public void resume(
      String runId,
      String workflow,
      String stepId,
      String payloadJson,
      Function<String, RunNotFoundException> notFound) {
    int permits = workflow != null && nodeRunning.getAsBoolean() ? pool.tryAcquire(1) : 0;
    ResumeWrites.Result result;
    try {
      String owner = permits == 1 ? config.nodeId() : null;
      result =
          writes.resume(
              new ResumeWrites.Request(
                  runId, workflow, stepId, payloadJson, owner, config.lease(), clock.instant()));
    } catch (RuntimeException | Error e) {
      pool.releaseQuietly(permits);
      throw e;
    }
    if (result.kind() != ResumeWrites.Kind.LEASED) {
      pool.releaseQuietly(permits); // not leased here: the permit is not needed
    }
    switch (result.kind()) {
      case NO_RUN -> throw notFound.apply(runId);
      case NOT_SUSPENDED -> throw notSuspended(runId, workflow == null, stepId);
      default -> {}
    }
    if (result.kind() == ResumeWrites.Kind.LEASED) {
      worker.accept(result.task());
    } else {
      wakeups.workQueued();
    }
    changes.changed(runId);
  }

  private NotSuspendedException notSuspended(String runId, boolean child, String stepId) {
    if (child) {
      return new NotSuspendedException(
          "Cannot resume step \"" + stepId + "\" of child run " + runId + ": it is not suspended");
    }
    // Read after the write refused: a failure path, so the resume itself stays one statement.
    String actual =
        StepStore.stepStatus(repo.dsl(), runId, stepId).map(Status::name).orElse("not reached yet");
    return new NotSuspendedException(
        "Cannot resume step \""
            + stepId
            + "\" of run "
            + runId
            + ": it is not suspended (its status is "
            + actual
            + ")");
  }
}
