package com.acme;

import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.StepResult;
import dev.stepwise.runtime.spi.WorkflowClient;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * A run of workflow {@code review} (ReviewWorkflow) with typed step outputs.
 */
@Generated("dev.stepwise.processor.WorkflowProcessor")
final class ReviewWorkflowResult {
  private final RunStatus run;

  private final StepResult<List<String>> fetch;

  private final StepResult<ReviewWorkflow.Batch> batch;

  private final StepResult<String> bulk;

  private final StepResult<String> single;

  private final StepResult<ReviewWorkflow.Summary> merge;

  private final StepResult<Void> publish;

  ReviewWorkflowResult(RunStatus run, WorkflowClient client) {
    this.run = run;
    this.fetch = client.stepResult(run, "fetch", ReviewWorkflowDefinition.FETCH_OUTPUT);
    this.batch = client.stepResult(run, "batch", ReviewWorkflow.Batch.class);
    this.bulk = client.stepResult(run, "bulk", String.class);
    this.single = client.stepResult(run, "single", String.class);
    this.merge = client.stepResult(run, "merge", ReviewWorkflow.Summary.class);
    this.publish = client.stepResult(run, "publish", Void.class);
  }

  /**
   * The run id.
   */
  String runId() {
    return run.runId();
  }

  /**
   * The run's status.
   */
  Status status() {
    return run.status();
  }

  /**
   * The untyped snapshot this result was decoded from.
   */
  RunStatus run() {
    return run;
  }

  /**
   * True if the run succeeded.
   */
  boolean isSucceeded() {
    return run.status() == Status.SUCCEEDED;
  }

  /**
   * Step {@code fetch}: status and output.
   */
  StepResult<List<String>> fetch() {
    return fetch;
  }

  /**
   * Step {@code batch}: status and output.
   */
  StepResult<ReviewWorkflow.Batch> batch() {
    return batch;
  }

  /**
   * Step {@code bulk}: status and output.
   */
  StepResult<String> bulk() {
    return bulk;
  }

  /**
   * Step {@code single}: status and output.
   */
  StepResult<String> single() {
    return single;
  }

  /**
   * Step {@code merge}: status and output.
   */
  StepResult<ReviewWorkflow.Summary> merge() {
    return merge;
  }

  /**
   * Step {@code publish}: status and output.
   */
  StepResult<Void> publish() {
    return publish;
  }

  /**
   * The error that failed the run, if it failed.
   */
  Optional<StepError> error() {
    return Optional.ofNullable(run.error());
  }

  /**
   * The workflow's output: the output of step {@code merge}, or null unless it succeeded.
   */
  ReviewWorkflow.Summary output() {
    return merge.succeeded() ? merge.output() : null;
  }

  @Override
  public String toString() {
    return "ReviewWorkflowResult{runId=" + run.runId() + ", status=" + run.status()
            + ", fetch=" + fetch.status()
            + ", batch=" + batch.status()
            + ", bulk=" + bulk.status()
            + ", single=" + single.status()
            + ", merge=" + merge.status()
            + ", publish=" + publish.status()
            + "}";
  }
}
