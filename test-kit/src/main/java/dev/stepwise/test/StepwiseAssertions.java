package dev.stepwise.test;

import dev.stepwise.runtime.RunHandle;
import dev.stepwise.runtime.RunStatus;

/**
 * Assertions on runs and their steps: {@code assertThat(result.run()).succeeded()
 * .step("charge").succeededAfterAttempts(3)}. A failure shows the whole run, step by step.
 */
public final class StepwiseAssertions {
  private StepwiseAssertions() {}

  /** Assertions on this snapshot of a run (a generated result's {@code run()}). */
  public static RunAssert assertThat(RunStatus run) {
    if (run == null) {
      throw new AssertionError("Expected a run, but it was null");
    }
    return new RunAssert(run);
  }

  /** Assertions on the current state of a started run. */
  public static RunAssert assertThat(RunHandle<?> run) {
    if (run == null) {
      throw new AssertionError("Expected a run, but it was null");
    }
    return new RunAssert(run.status());
  }
}
