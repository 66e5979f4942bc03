package dev.stepwise.test;

import dev.stepwise.runtime.Status;
import dev.stepwise.runtime.StepStatus;

/** Assertions on one step of a run snapshot; {@link #and()} goes back to the run. */
public final class StepAssert {
  private final RunAssert run;
  private final StepStatus step;

  StepAssert(RunAssert run, StepStatus step) {
    this.run = run;
    this.step = step;
  }

  /** The step has this status. */
  public StepAssert hasStatus(Status expected) {
    if (step.status() != expected) {
      throw fail("to be " + expected);
    }
    return this;
  }

  public StepAssert succeeded() {
    return hasStatus(Status.SUCCEEDED);
  }

  public StepAssert failed() {
    return hasStatus(Status.FAILED);
  }

  public StepAssert skipped() {
    return hasStatus(Status.SKIPPED);
  }

  public StepAssert suspended() {
    return hasStatus(Status.SUSPENDED);
  }

  /** The step started executing exactly {@code attempts} times (the first included). */
  public StepAssert hasAttempts(int attempts) {
    if (step.attempts() != attempts) {
      throw fail("to have " + attempts + (attempts == 1 ? " attempt" : " attempts"));
    }
    return this;
  }

  /** The step succeeded on its {@code attempts}-th execution: the ones before failed. */
  public StepAssert succeededAfterAttempts(int attempts) {
    return succeeded().hasAttempts(attempts);
  }

  /**
   * The step's latest failed attempt threw {@code type}. Matched by class name, as stored: a
   * subclass does not match.
   */
  public StepAssert failedWith(Class<? extends Throwable> type) {
    if (step.error() == null || !type.getName().equals(step.error().type())) {
      throw fail("to have failed with " + type.getName());
    }
    return this;
  }

  /** The step's latest error message contains {@code text}. */
  public StepAssert hasErrorContaining(String text) {
    String message = step.error() == null ? null : step.error().message();
    if (message == null || !message.contains(text)) {
      throw fail("to have an error containing \"" + text + "\"");
    }
    return this;
  }

  /** The step's output, as stored JSON, is exactly {@code json}. */
  public StepAssert hasOutputJson(String json) {
    if (!json.equals(step.outputJson())) {
      throw fail("to have output " + json + " (it has " + step.outputJson() + ")");
    }
    return this;
  }

  /** Back to the run, to check another step. */
  public RunAssert and() {
    return run;
  }

  /** The step being checked, for assertions of your own. */
  public StepStatus actual() {
    return step;
  }

  private AssertionError fail(String expectation) {
    return run.failStep(step.stepId(), expectation);
  }
}
