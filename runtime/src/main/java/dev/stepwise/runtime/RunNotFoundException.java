package dev.stepwise.runtime;

/** No run with the given id exists (in the workflow asked about). */
public class RunNotFoundException extends StepwiseException {
  private static final long serialVersionUID = 1L;

  public RunNotFoundException(String message) {
    super(message);
  }
}
