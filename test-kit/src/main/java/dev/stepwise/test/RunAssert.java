package dev.stepwise.test;

import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepStatus;

/** Assertions on one snapshot of a run; each returns this, or the step's, to chain. */
public final class RunAssert {
  private final RunStatus run;

  RunAssert(RunStatus run) {
    this.run = run;
  }

  /** The run has this status. */
  public RunAssert hasStatus(Status expected) {
    if (run.status() != expected) {
      throw fail("to be " + expected);
    }
    return this;
  }

  public RunAssert succeeded() {
    return hasStatus(Status.SUCCEEDED);
  }

  public RunAssert failed() {
    return hasStatus(Status.FAILED);
  }

  public RunAssert suspended() {
    return hasStatus(Status.SUSPENDED);
  }

  public RunAssert cancelled() {
    return hasStatus(Status.CANCELLED);
  }

  /** The run failed, at step {@code stepId}. */
  public RunAssert failedAt(String stepId) {
    failed();
    if (!stepId.equals(run.failedStep())) {
      throw fail("to have failed at step " + stepId);
    }
    return this;
  }

  /** Assertions on the step {@code stepId}; fails if the workflow has no such step. */
  public StepAssert step(String stepId) {
    StepStatus step =
        run.step(stepId)
            .orElseThrow(() -> fail("to have a step " + stepId + " (the workflow has none)"));
    return new StepAssert(this, step);
  }

  /** The run being checked, for assertions of your own. */
  public RunStatus actual() {
    return run;
  }

  AssertionError failStep(String stepId, String expectation) {
    return new AssertionError(
        "Expected step "
            + stepId
            + " of run "
            + run.runId()
            + " "
            + expectation
            + ", but the run is "
            + Describe.run(run));
  }

  AssertionError fail(String expectation) {
    return new AssertionError(
        "Expected run " + run.runId() + " " + expectation + ", but it is " + Describe.run(run));
  }
}
