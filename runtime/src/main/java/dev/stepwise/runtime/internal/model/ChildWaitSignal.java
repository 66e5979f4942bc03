package dev.stepwise.runtime.internal.model;

/** Thrown through a parent's step while its child run is not finished: the step is parked. */
public final class ChildWaitSignal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String childRunId;

  public ChildWaitSignal(String childRunId) {
    super(null, null, false, false);
    this.childRunId = childRunId;
  }

  public String childRunId() {
    return childRunId;
  }
}
