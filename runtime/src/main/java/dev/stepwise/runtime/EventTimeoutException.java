package dev.stepwise.runtime;

/**
 * A step's {@code @Event} did not arrive within its timeout, and the step declared {@code onTimeout
 * = FAIL}. Recorded as the step's error; not retried.
 */
public class EventTimeoutException extends StepwiseException {
  private static final long serialVersionUID = 1L;

  public EventTimeoutException(String message) {
    super(message);
  }
}
