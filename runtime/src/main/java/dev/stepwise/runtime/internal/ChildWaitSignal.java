package dev.stepwise.runtime.internal;

/** Thrown through a parent's step while its child run is not finished: the step is parked. */
final class ChildWaitSignal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String childRunId;

  ChildWaitSignal(String childRunId) {
    super(null, null, false, false);
    this.childRunId = childRunId;
  }

  String childRunId() {
    return childRunId;
  }
}
