package dev.stepwise.runtime.spi.observe;

/** One step attempt, as an observer follows it; told once, on the worker thread, how it ended. */
@FunctionalInterface
public interface StepObservation {

  /** The handle of an observer that follows no attempt. */
  StepObservation NONE = end -> {};

  /** The attempt ended and what it did is recorded (or put back, see {@link AttemptEnd}). */
  void finished(AttemptEnd end);
}
