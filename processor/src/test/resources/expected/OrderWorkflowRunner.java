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
 * Starts and inspects runs of workflow {@code order} (OrderWorkflow).
 */
@Generated("dev.stepwise.processor.WorkflowProcessor")
public final class OrderWorkflowRunner {
  private final WorkflowClient client;

  /**
   * Registers the workflow with the engine.
   */
  public OrderWorkflowRunner(Stepwise engine, OrderWorkflow workflow) {
    this.client = engine.register(new OrderWorkflowDefinition(workflow));
  }

  /**
   * Starts a run and waits until it is finished or suspended.
   */
  public OrderWorkflowResult start(OrderModel.OrderRequest input) {
    return start(input, StartOptions.defaults());
  }

  /**
   * Starts a run with options and waits until it is finished or suspended.
   */
  public OrderWorkflowResult start(OrderModel.OrderRequest input, StartOptions options) {
    return toResult(client.run(input, options));
  }

  /**
   * Starts a run with options and waits at most {@code timeout} until it is finished or suspended; its steps run on the engine's workers. An {@code AwaitTimeoutException} says the run is still going.
   */
  public OrderWorkflowResult start(OrderModel.OrderRequest input, StartOptions options,
      Duration timeout) {
    return toResult(client.run(input, options, timeout));
  }

  /**
   * Starts a run and returns at once.
   */
  public RunHandle<OrderWorkflowResult> startAsync(OrderModel.OrderRequest input) {
    return startAsync(input, StartOptions.defaults());
  }

  /**
   * Starts a run with options and returns at once.
   */
  public RunHandle<OrderWorkflowResult> startAsync(OrderModel.OrderRequest input,
      StartOptions options) {
    String runId = client.start(input, options);
    return new RunHandle<>(runId, client, this::toResult);
  }

  /**
   * Starts a run with input given as JSON and waits until it is finished or suspended. A {@code ValidationException} lists every problem with its path, and nothing is stored.
   */
  public OrderWorkflowResult startJson(String json) {
    return startJson(json, StartOptions.defaults());
  }

  /**
   * Starts a run with input given as JSON and options, and waits until it is finished or suspended. A {@code ValidationException} lists every problem with its path, and nothing is stored.
   */
  public OrderWorkflowResult startJson(String json, StartOptions options) {
    String runId = client.startJson(json, options);
    return toResult(client.awaitSettled(runId, null));
  }

  /**
   * Starts a run with input given as JSON and options, and waits at most {@code timeout} until it is finished or suspended. A {@code ValidationException} lists every problem with its path, and nothing is stored.
   */
  public OrderWorkflowResult startJson(String json, StartOptions options, Duration timeout) {
    String runId = client.startJson(json, options);
    return toResult(client.awaitSettled(runId, timeout));
  }

  /**
   * Starts a run with input given as JSON and returns at once. A {@code ValidationException} lists every problem with its path, and nothing is stored.
   */
  public RunHandle<OrderWorkflowResult> startJsonAsync(String json, StartOptions options) {
    String runId = client.startJson(json, options);
    return new RunHandle<>(runId, client, this::toResult);
  }

  /**
   * Re-runs the suspended step {@code approve} with {@code payload}.
   */
  public void resumeApprove(String runId, OrderModel.Decision payload) {
    client.resume(runId, "approve", payload);
  }

  /**
   * Re-runs the suspended step {@code approve} with a payload given as JSON; a {@code ValidationException} lists every problem with its path, and the run stays suspended.
   */
  public void resumeApproveJson(String runId, String json) {
    client.resumeJson(runId, "approve", json);
  }

  /**
   * Runs this workflow as the child of the step executing with {@code parent} and returns its
   * result once it succeeded. Call it from that step: the step is parked in the database
   * until the child finishes, then runs again and this returns. A failed or cancelled child
   * throws {@code ChildWorkflowException}.
   */
  public OrderWorkflowResult runAsChild(StepContext parent, OrderModel.OrderRequest input) {
    return toResult(client.runChild(parent, input));
  }

  /**
   * Resumes a suspended step of a child run through this run: {@code stepPath} is {@code
   * "parentStep/childStep"}.
   */
  public void resumeChild(String runId, String stepPath, Object payload) {
    client.resume(runId, stepPath, payload);
  }

  /**
   * The run's current state, step by step.
   */
  public RunStatus status(String runId) {
    return client.status(runId);
  }

  /**
   * The run's current state with typed step outputs.
   */
  public OrderWorkflowResult result(String runId) {
    return toResult(client.status(runId));
  }

  /**
   * Waits until the run is finished (succeeded, failed or cancelled); null waits without limit.
   */
  public OrderWorkflowResult awaitCompletion(String runId, Duration timeout) {
    return toResult(client.awaitCompletion(runId, timeout));
  }

  /**
   * Waits until the run is finished or suspended; null waits without limit.
   */
  public OrderWorkflowResult awaitSettled(String runId, Duration timeout) {
    return toResult(client.awaitSettled(runId, timeout));
  }

  /**
   * Cancels the run; false if it was already finished.
   */
  public boolean cancel(String runId) {
    return client.cancel(runId);
  }

  /**
   * Delivers every state change of the run to {@code listener}, in order, until it finishes
   * or the watch is closed.
   */
  public Watch watch(String runId, RunListener listener) {
    return client.watch(runId, listener);
  }

  /**
   * Retries a failed or cancelled run from where it stopped: completed steps keep their
   * outputs, the failed ones start again with a fresh attempt budget; false if the run
   * is neither failed nor cancelled.
   */
  public boolean retry(String runId) {
    return client.retry(runId);
  }

  /**
   * Starts a new run from this one's state: the steps before {@code options.fromStep()}
   * are copied with their outputs, that step and the ones after it run again; returns the
   * new run's id.
   */
  public String fork(String runId, ForkOptions options) {
    return client.fork(runId, options);
  }

  /**
   * The errors of a step's failed attempts, oldest first.
   */
  public List<AttemptError> errors(String runId, String stepId) {
    return client.errors(runId, stepId);
  }

  /**
   * A page of runs matching {@code query}, newest first.
   */
  public RunPage list(RunQuery query) {
    return client.list(query);
  }

  /**
   * Cancels every unfinished run matching {@code query}, in batches. Returns how many.
   */
  public int cancelAll(RunQuery query) {
    return client.cancelAll(query);
  }

  /**
   * Retries every failed or cancelled run matching {@code query}. Returns how many.
   */
  public int retryAll(RunQuery query) {
    return client.retryAll(query);
  }

  /**
   * Deletes every finished run matching {@code query}, in batches. Returns how many.
   */
  public int deleteAll(RunQuery query) {
    return client.deleteAll(query);
  }

  /**
   * The most recent runs, newest first.
   */
  public List<OrderWorkflowResult> list(int limit) {
    return client.list(limit).stream().map(this::toResult).toList();
  }

  /**
   * The workflow's graph.
   */
  public WorkflowGraph graph() {
    return client.graph();
  }

  /**
   * The JSON Schema (2020-12) of the workflow's input.
   */
  public String inputSchema() {
    return OrderWorkflowSchemas.INPUT;
  }

  /**
   * The type, validator and JSON Schema of each boundary: input, outputs, resume payloads.
   */
  public List<Contract<?>> contracts() {
    return OrderWorkflowDefinition.CONTRACTS;
  }

  /**
   * The graph as a Mermaid flowchart.
   */
  public String mermaid() {
    return OrderWorkflowDefinition.MERMAID;
  }

  private OrderWorkflowResult toResult(RunStatus run) {
    return new OrderWorkflowResult(run, client);
  }
}
