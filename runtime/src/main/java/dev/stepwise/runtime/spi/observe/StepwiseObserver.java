package dev.stepwise.runtime.spi.observe;

import java.time.Duration;

/**
 * Sees what the engine does, for metrics and traces. Every method has a default that does nothing,
 * so an observer implements only what it needs. The engine calls them on its own threads (a start
 * on the caller's), right after the fact they report; keep them quick and non-blocking. An
 * exception thrown by an observer is logged and never changes what the engine does. With no
 * observer registered, the engine builds none of these events.
 */
public interface StepwiseObserver {

  /**
   * A run of {@code workflow} is about to be stored, on the thread that starts it (the caller's, or
   * a step's for a child run). The handle returned gives the context to store with the run and
   * hears how the start ended.
   */
  default RunStartObservation runStarting(String workflow) {
    return RunStartObservation.NONE;
  }

  /**
   * A step attempt starts on the worker thread that runs it; the handle returned is told, on the
   * same thread, how it ended. Whatever the observer makes current on this thread (a span) is
   * current while the step's code runs.
   */
  default StepObservation stepStarting(StepAttempt attempt) {
    return StepObservation.NONE;
  }

  /** A run finished (succeeded, failed or was cancelled), committed by this node. */
  default void runFinished(RunFinish finish) {}

  /**
   * This node asked the database for due steps: {@code claimed} rows came back after {@code
   * latency}.
   *
   * @param queue the {@code @Queue} claimed from, or null for steps of no queue
   */
  default void stepsClaimed(String queue, int claimed, Duration latency) {}

  /**
   * This node claimed a step of {@code workflow} that had been due for {@code waited}: since it
   * became ready, or since its retry or timer fell due, until a claim took it. Steps that a commit
   * hands straight to this node's workers wait for no claim and are not reported.
   *
   * @param queue the step's {@code @Queue}, or null for a step of no queue
   */
  default void stepWaited(String workflow, String step, String queue, Duration waited) {}

  /**
   * This node found {@code steps} running steps whose lease had expired (their node died or
   * stalled) and put them back in the queue, for any node to take over.
   */
  default void leasesExpired(int steps) {}
}
