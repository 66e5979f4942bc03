package dev.stepwise.runtime;

import dev.stepwise.runtime.spi.WorkflowClient;
import java.time.Duration;
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

  public RunHandle(String runId, WorkflowClient client, Function<RunStatus, R> toResult) {
    this.runId = runId;
    this.client = client;
    this.toResult = toResult;
  }

  public String runId() {
    return runId;
  }

  /** The run's current state. */
  public RunStatus status() {
    return client.status(runId);
  }

  /** Waits until the run is finished or suspended. */
  public R await(Duration timeout) {
    return toResult.apply(client.awaitSettled(runId, timeout));
  }

  /** Waits until the run is finished (succeeded, failed or cancelled). */
  public R awaitCompletion(Duration timeout) {
    return toResult.apply(client.awaitCompletion(runId, timeout));
  }

  @Override
  public String toString() {
    return "RunHandle[" + runId + "]";
  }
}
