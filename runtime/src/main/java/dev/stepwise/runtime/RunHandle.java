package dev.stepwise.runtime;

import dev.stepwise.runtime.spi.WorkflowClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A started run: its id, and ways to wait for it.
 *
 * @param <R> the generated result type of the workflow
 */
public final class RunHandle<R> {
  private final String runId;
  private final WorkflowClient client;
  private final Function<RunStatus, R> toResult;
  // Completed with the final status if this node finished the run successfully: a SUCCEEDED run
  // never changes again, so the handle answers from it without reading the run.
  private final CompletableFuture<RunStatus> succeeded;

  public RunHandle(String runId, WorkflowClient client, Function<RunStatus, R> toResult) {
    this.runId = runId;
    this.client = client;
    this.toResult = toResult;
    this.succeeded = client.successOf(runId);
  }

  public String runId() {
    return runId;
  }

  /** The run's current state. */
  public RunStatus status() {
    RunStatus done = succeeded.getNow(null);
    return done != null ? done : client.status(runId);
  }

  /** Waits until the run is finished or suspended. */
  public R await(Duration timeout) {
    RunStatus done = succeeded.getNow(null);
    return toResult.apply(done != null ? done : client.awaitSettled(runId, timeout));
  }

  /** Waits until the run is finished (succeeded, failed or cancelled). */
  public R awaitCompletion(Duration timeout) {
    RunStatus done = succeeded.getNow(null);
    return toResult.apply(done != null ? done : client.awaitCompletion(runId, timeout));
  }

  @Override
  public String toString() {
    return "RunHandle[" + runId + "]";
  }
}
