package dev.stepwise.runtime;

import org.slf4j.Logger;

/** What a step may ask of the engine while it runs; declare a parameter of this type. */
public interface StepContext {
  String runId();

  String workflow();

  String stepId();

  /** The current attempt, 1 for the first execution. */
  int attempt();

  /** The current iteration of a loop step, 1 for the first (and for any other step). */
  default int iteration() {
    return 1;
  }

  /** A logger whose MDC carries the run and step ids. */
  Logger logger();

  /**
   * Parks the run at this step, recording {@code reason}; the step runs again when it is resumed
   * with a payload. Never returns normally; its return type lets a step write {@code return
   * decision.orElseGet(() -> ctx.suspend("needs approval"))}.
   */
  <T> T suspend(String reason);

  /** Extends this step's lease; call it from steps that run longer than the lease. */
  void heartbeat();
}
