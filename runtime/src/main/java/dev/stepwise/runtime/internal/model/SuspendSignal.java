package dev.stepwise.runtime.internal.model;

/**
 * Thrown by {@code StepContext.suspend} to unwind the step method; the worker turns it into a
 * SUSPENDED step. Carries no stack trace: it is control flow, not an error.
 */
public final class SuspendSignal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SuspendSignal(String reason) {
    super(reason, null, false, false);
  }

  public String reason() {
    return getMessage();
  }
}
