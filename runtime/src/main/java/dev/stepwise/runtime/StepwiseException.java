package dev.stepwise.runtime;

/** The base of every exception Stepwise throws at its callers. */
public class StepwiseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StepwiseException(String message) {
    super(message);
  }

  public StepwiseException(String message, Throwable cause) {
    super(message, cause);
  }
}
