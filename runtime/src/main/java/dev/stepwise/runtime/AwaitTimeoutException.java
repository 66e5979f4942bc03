package dev.stepwise.runtime;

/** A wait for a run ended before the run reached the state waited for. */
public class AwaitTimeoutException extends StepwiseException {
  private static final long serialVersionUID = 1L;

  public AwaitTimeoutException(String message) {
    super(message);
  }
}
