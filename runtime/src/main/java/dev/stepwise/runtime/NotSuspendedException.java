package dev.stepwise.runtime;

/** A resume named a step that is not suspended: not reached, already resumed, or finished. */
public class NotSuspendedException extends StepwiseException {
  private static final long serialVersionUID = 1L;

  public NotSuspendedException(String message) {
    super(message);
  }
}
