package dev.stepwise.runtime;

/** A child run did not succeed (it failed or was cancelled); the parent's step fails with this. */
public class ChildWorkflowException extends StepwiseException {
  private static final long serialVersionUID = 1L;

  public ChildWorkflowException(String message) {
    super(message);
  }
}
