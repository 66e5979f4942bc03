package dev.stepwise.runtime.spi.observe;

import java.util.Map;

/** One start of a run, as an observer follows it from before it is stored to its end. */
public interface RunStartObservation {

  /** The handle of an observer that follows no start. */
  RunStartObservation NONE = new RunStartObservation() {};

  /**
   * Fields to store with the run (say, a W3C {@code traceparent}), read once when the run is
   * stored; every later {@link StepAttempt} of the run carries them, on any node, however late.
   */
  default Map<String, String> context() {
    return Map.of();
  }

  /**
   * The start returned {@code runId}: a new run if {@code created}, else an existing run with the
   * same id, idempotency key or deduplication id (which keeps the context it was stored with).
   */
  default void started(String runId, boolean created) {}

  /** The start threw {@code error}; nothing was stored. */
  default void failed(Throwable error) {}
}
