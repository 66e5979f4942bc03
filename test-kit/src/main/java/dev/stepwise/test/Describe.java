package dev.stepwise.test;

import dev.stepwise.runtime.RunStatus;
import dev.stepwise.runtime.StepStatus;

/** Renders a run's state for failure messages: what a test author needs to see what went wrong. */
final class Describe {
  private Describe() {}

  /** {@code RUNNING; steps: reserve SUCCEEDED (1 attempt), charge PENDING (2 attempts, ...)}. */
  static String run(RunStatus run) {
    StringBuilder b = new StringBuilder(run.status().name()).append("; steps:");
    for (StepStatus step : run.steps()) {
      b.append("\n  ").append(step(step));
    }
    if (run.error() != null) {
      b.append("\n  failed at ")
          .append(run.failedStep())
          .append(": ")
          .append(run.error().summary());
    }
    return b.toString();
  }

  static String step(StepStatus step) {
    StringBuilder b =
        new StringBuilder(step.stepId())
            .append(' ')
            .append(step.status())
            .append(" (")
            .append(step.attempts())
            .append(step.attempts() == 1 ? " attempt" : " attempts");
    if (step.error() != null) {
      b.append(", last error ").append(step.error().summary());
    }
    if (step.suspendReason() != null) {
      b.append(", suspended: ").append(step.suspendReason());
    }
    return b.append(')').toString();
  }
}
