package dev.stepwise.runtime.spi;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.stepwise.runtime.AttemptError;
import dev.stepwise.runtime.ForkOptions;
import dev.stepwise.runtime.RunListener;
import dev.stepwise.runtime.RunPage;
import dev.stepwise.runtime.RunQuery;
import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.StepContext;
import dev.stepwise.runtime.StepResult;
import dev.stepwise.runtime.Watch;
import dev.stepwise.runtime.spi.validation.Boundary;
import dev.stepwise.runtime.spi.validation.Contract;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The engine's untyped operations on one registered workflow; the generated {@code XxxRunner} wraps
 * them in typed methods. Obtained from {@code Stepwise.register(definition)}.
 */
public interface WorkflowClient {

  /** The workflow's graph. */
  WorkflowGraph graph();

  /**
   * Stores a new run and queues its root steps; returns its id. If the options' run id or
   * idempotency key exists already, returns that run's id and starts nothing.
   */
  String start(Object input, StartOptions options);

  /**
   * Starts a run as {@link #start} does and waits until it is settled (finished, suspended or
   * waiting), as the runner's synchronous {@code start} does. The engine may execute the run's
   * steps on the calling thread meanwhile, instead of handing them to a worker and waiting.
   */
  default RunStatus run(Object input, StartOptions options) {
    return awaitSettled(start(input, options), null);
  }

  /**
   * Starts a run as {@link #start} does and waits at most {@code timeout} for it to settle; the
   * steps run on workers, never on the calling thread, so the wait keeps to its bound. An {@code
   * AwaitTimeoutException} then says the run is still going (it goes on: its id is in the message).
   */
  default RunStatus run(Object input, StartOptions options, Duration timeout) {
    return awaitSettled(start(input, options), timeout);
  }

  /**
   * Starts a run with input given as JSON text, as {@link #start} does. The JSON is checked against
   * the input's schema first: malformed JSON, wrong types, unknown enum constants, missing required
   * and unknown properties throw a {@code ValidationException} listing each with its path, and so
   * do broken constraints; nothing is stored then.
   */
  String startJson(String json, StartOptions options);

  /**
   * Resumes a suspended step with a payload given as JSON text, checked like {@link #startJson}.
   */
  void resumeJson(String runId, String stepId, String json);

  /**
   * The type, validator and JSON Schema of a boundary (the input, a step's output, a resume
   * payload), if the workflow has one there.
   */
  Optional<Contract<?>> contract(Boundary boundary);

  /** The run's current state; {@code RunNotFoundException} if there is no such run. */
  RunStatus status(String runId);

  /**
   * Waits until the run is settled (finished or suspended) and returns its state; {@code null}
   * timeout waits without limit. {@code AwaitTimeoutException} when the time runs out.
   */
  RunStatus awaitSettled(String runId, Duration timeout);

  /** Waits until the run is finished (succeeded, failed or cancelled). */
  RunStatus awaitCompletion(String runId, Duration timeout);

  /**
   * For a {@code RunHandle} made for {@code runId}: a future the engine may complete with the run's
   * final status when it finishes it successfully, so the handle needs no read then. It may never
   * be completed; the handle reads the run in that case. The default is never completed.
   */
  default CompletableFuture<RunStatus> successOf(String runId) {
    return new CompletableFuture<>();
  }

  /**
   * Re-runs a suspended step with {@code payload}. {@code NotSuspendedException} if that step is
   * not suspended; of two concurrent resumes of one step exactly one succeeds.
   */
  void resume(String runId, String stepId, Object payload);

  /**
   * Sends event {@code name} with {@code payload} to the run: a step waiting for it starts, and a
   * step that reaches it later finds it. True if stored; false if the run had received an event of
   * that name already (the first one is kept, so a retried send is harmless). {@code
   * StepwiseException} if the run is finished.
   */
  default boolean sendEvent(String runId, String name, Object payload) {
    throw new UnsupportedOperationException("this engine does not support events");
  }

  /**
   * Delivers every state change of the run to {@code listener}, in order, starting with the changes
   * that led to its current state; changes made by other nodes too. Ends by itself after the run
   * finished.
   */
  default Watch watch(String runId, RunListener listener) {
    throw new UnsupportedOperationException("this engine does not support watch");
  }

  /**
   * Runs this workflow as the child of the step executing with {@code parent}, and returns the
   * child's final state once it succeeded. Call it from that step: the first call starts the child
   * (run id {@code parentRunId/stepId}) and parks the step in the database; when the child finishes
   * the step runs again and this call returns. A failed or cancelled child throws {@code
   * ChildWorkflowException}.
   */
  default RunStatus runChild(StepContext parent, Object input) {
    throw new UnsupportedOperationException("this engine does not support child workflows");
  }

  /** Cancels the run; false if it was already finished. */
  boolean cancel(String runId);

  /** The most recent runs of this workflow, newest first. */
  List<RunStatus> list(int limit);

  /**
   * Retries a failed or cancelled run from where it stopped: steps that succeeded keep their
   * outputs and do not run again; the failed (or cancelled) steps start again with a fresh attempt
   * budget. False if the run is not failed or cancelled.
   */
  default boolean retry(String runId) {
    throw new UnsupportedOperationException("this engine does not support retry");
  }

  /**
   * Starts a new run from {@code runId}'s state: the steps before {@code options.fromStep()} are
   * copied with their outputs (or the replaced ones), that step and every step after it run again.
   * The new run records where it came from ({@link dev.stepwise.runtime.RunSummary#forkedFrom()}).
   * Returns the new run's id.
   */
  default String fork(String runId, ForkOptions options) {
    throw new UnsupportedOperationException("this engine does not support fork");
  }

  /** The errors of a step's failed attempts, oldest first (the first 20 are kept). */
  default List<AttemptError> errors(String runId, String stepId) {
    throw new UnsupportedOperationException("this engine does not keep attempts' errors");
  }

  /** A page of this workflow's runs matching {@code query}, newest first. */
  default RunPage list(RunQuery query) {
    throw new UnsupportedOperationException("this engine does not support queries");
  }

  /**
   * Cancels every unfinished run matching {@code query} (its statuses narrowed to unfinished ones),
   * in batches of its limit, each batch a transaction; returns how many were cancelled.
   */
  default int cancelAll(RunQuery query) {
    throw new UnsupportedOperationException("this engine does not support bulk operations");
  }

  /** Retries every failed or cancelled run matching {@code query}; returns how many. */
  default int retryAll(RunQuery query) {
    throw new UnsupportedOperationException("this engine does not support bulk operations");
  }

  /**
   * Deletes every finished run matching {@code query} (succeeded, failed or cancelled; never a run
   * that is still going), with its steps, events and child runs, in batches; returns how many.
   */
  default int deleteAll(RunQuery query) {
    throw new UnsupportedOperationException("this engine does not support bulk operations");
  }

  /** The step of {@code run} with its output decoded as {@code type}. */
  <T> StepResult<T> stepResult(RunStatus run, String stepId, Class<T> type);

  /** The step of {@code run} with its output decoded as a generic type. */
  <T> StepResult<T> stepResult(RunStatus run, String stepId, TypeReference<T> type);
}
