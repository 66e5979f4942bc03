package dev.stepwise.runtime.internal;

import dev.stepwise.runtime.internal.exec.AttemptObserving;
import dev.stepwise.runtime.internal.observe.Observers;
import dev.stepwise.runtime.internal.store.RunContexts;
import dev.stepwise.runtime.spi.observe.RunStartObservation;

/**
 * One start of a new run (a caller's, a child's, a fork) as the observers follow it: asked on the
 * caller's thread before the database call, so a tracer sees the caller's span, and told once how
 * it ended however often that call is tried. Without observers it does nothing.
 */
final class ObservedStart {
  private final RunStartObservation observation;
  private final String contextJson;

  private ObservedStart(RunStartObservation observation, String contextJson) {
    this.observation = observation;
    this.contextJson = contextJson;
  }

  static ObservedStart of(Observers observers, String workflow) {
    if (observers.isEmpty()) {
      return new ObservedStart(RunStartObservation.NONE, null);
    }
    RunStartObservation o = observers.runStarting(workflow);
    return new ObservedStart(o, RunContexts.encode(o.context()));
  }

  /** What to store with the new run as its context, or null. */
  String contextJson() {
    return contextJson;
  }

  /** The start returned {@code runId}; this node's steps of a new run need not read its context. */
  void stored(AttemptObserving attempts, String runId, boolean created) {
    if (created && contextJson != null) {
      attempts.stored(runId, RunContexts.decode(contextJson));
    }
    observation.started(runId, created);
  }

  /** The start threw {@code error}; returns it, to be thrown. */
  <E extends RuntimeException> E failed(E error) {
    observation.failed(error);
    return error;
  }
}
