package dev.stepwise.runtime;

/**
 * An execution of a step ran past its {@code @Step(timeout)}. Recorded as the step's error and
 * retried like any exception, unless the step's retry policy says otherwise.
 */
public class StepTimeoutException extends StepwiseException {
  private static final long serialVersionUID = 1L;

  public StepTimeoutException(String message) {
    super(message);
  }
}
