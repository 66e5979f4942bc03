package com.acme;

import dev.stepwise.runtime.AttemptError;
import dev.stepwise.runtime.ForkOptions;
import dev.stepwise.runtime.RunHandle;
import dev.stepwise.runtime.RunListener;
import dev.stepwise.runtime.RunPage;
import dev.stepwise.runtime.RunQuery;
import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.StartOptions;
import dev.stepwise.runtime.StepContext;
import dev.stepwise.runtime.Stepwise;
import dev.stepwise.runtime.Watch;
import dev.stepwise.runtime.spi.WorkflowClient;
import dev.stepwise.runtime.spi.WorkflowGraph;
import dev.stepwise.runtime.spi.validation.Contract;
import java.time.Duration;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Starts and inspects runs of workflow {@code review} (ReviewWorkflow).
 */
@Generated("dev.stepwise.processor.WorkflowProcessor")
final class ReviewWorkflowRunner {
  private final WorkflowClient client;

  /**
   * Registers the workflow with the engine.
   */
  ReviewWorkflowRunner(Stepwise engine, ReviewWorkflow workflow) {
    this.client = engine.register(new ReviewWorkflowDefinition(workflow));
  }

  /**
   * Starts a run and waits until it is finished or suspended.
   */
  ReviewWorkflowResult start() {
    return start(StartOptions.defaults());
  }

  /**
   * Starts a run with options and waits until it is finished or suspended.
   */
  ReviewWorkflowResult start(StartOptions options) {
    return toResult(client.run(null, options));
  }

  /**
   * Starts a run with options and waits at most {@code timeout} until it is finished or suspended; its steps run on the engine's workers. An {@code AwaitTimeoutException} says the run is still going.
   */
  ReviewWorkflowResult start(StartOptions options, Duration timeout) {
    return toResult(client.run(null, options, timeout));
  }

  /**
   * Starts a run and returns at once.
   */
  RunHandle<ReviewWorkflowResult> startAsync() {
    return startAsync(StartOptions.defaults());
  }

  /**
   * Starts a run with options and returns at once.
   */
  RunHandle<ReviewWorkflowResult> startAsync(StartOptions options) {
    String runId = client.start(null, options);
    return new RunHandle<>(runId, client, this::toResult);
  }

  /**
   * Runs this workflow as the child of the step executing with {@code parent} and returns its
   * result once it succeeded. Call it from that step: the step is parked in the database
   * until the child finishes, then runs again and this returns. A failed or cancelled child
   * throws {@code ChildWorkflowException}.
   */
  ReviewWorkflowResult runAsChild(StepContext parent) {
    return toResult(client.runChild(parent, null));
  }

  /**
   * Resumes a suspended step of a child run through this run: {@code stepPath} is {@code
   * "parentStep/childStep"}.
   */
  void resumeChild(String runId, String stepPath, Object payload) {
    client.resume(runId, stepPath, payload);
  }

  /**
   * The run's current state, step by step.
   */
  RunStatus status(String runId) {
    return client.status(runId);
  }

  /**
   * The run's current state with typed step outputs.
   */
  ReviewWorkflowResult result(String runId) {
    return toResult(client.status(runId));
  }

  /**
   * Waits until the run is finished (succeeded, failed or cancelled); null waits without limit.
   */
  ReviewWorkflowResult awaitCompletion(String runId, Duration timeout) {
    return toResult(client.awaitCompletion(runId, timeout));
  }

  /**
   * Waits until the run is finished or suspended; null waits without limit.
   */
  ReviewWorkflowResult awaitSettled(String runId, Duration timeout) {
    return toResult(client.awaitSettled(runId, timeout));
  }

  /**
   * Cancels the run; false if it was already finished.
   */
  boolean cancel(String runId) {
    return client.cancel(runId);
  }

  /**
   * Delivers every state change of the run to {@code listener}, in order, until it finishes
   * or the watch is closed.
   */
  Watch watch(String runId, RunListener listener) {
    return client.watch(runId, listener);
  }

  /**
   * Retries a failed or cancelled run from where it stopped: completed steps keep their
   * outputs, the failed ones start again with a fresh attempt budget; false if the run
   * is neither failed nor cancelled.
   */
  boolean retry(String runId) {
    return client.retry(runId);
  }

  /**
   * Starts a new run from this one's state: the steps before {@code options.fromStep()}
   * are copied with their outputs, that step and the ones after it run again; returns the
   * new run's id.
   */
  String fork(String runId, ForkOptions options) {
    return client.fork(runId, options);
  }

  /**
   * The errors of a step's failed attempts, oldest first.
   */
  List<AttemptError> errors(String runId, String stepId) {
    return client.errors(runId, stepId);
  }

  /**
   * A page of runs matching {@code query}, newest first.
   */
  RunPage list(RunQuery query) {
    return client.list(query);
  }

  /**
   * Cancels every unfinished run matching {@code query}, in batches. Returns how many.
   */
  int cancelAll(RunQuery query) {
    return client.cancelAll(query);
  }

  /**
   * Retries every failed or cancelled run matching {@code query}. Returns how many.
   */
  int retryAll(RunQuery query) {
    return client.retryAll(query);
  }

  /**
   * Deletes every finished run matching {@code query}, in batches. Returns how many.
   */
  int deleteAll(RunQuery query) {
    return client.deleteAll(query);
  }

  /**
   * The most recent runs, newest first.
   */
  List<ReviewWorkflowResult> list(int limit) {
    return client.list(limit).stream().map(this::toResult).toList();
  }

  /**
   * The workflow's graph.
   */
  WorkflowGraph graph() {
    return client.graph();
  }

  /**
   * The type, validator and JSON Schema of each boundary: input, outputs, resume payloads.
   */
  List<Contract<?>> contracts() {
    return ReviewWorkflowDefinition.CONTRACTS;
  }

  /**
   * The graph as a Mermaid flowchart.
   */
  String mermaid() {
    return ReviewWorkflowDefinition.MERMAID;
  }

  private ReviewWorkflowResult toResult(RunStatus run) {
    return new ReviewWorkflowResult(run, client);
  }
}
