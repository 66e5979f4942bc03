package dev.stepwise.runtime.internal.progress;

import dev.stepwise.runtime.StepError;
import dev.stepwise.runtime.StepwiseException;
import dev.stepwise.runtime.internal.model.Outcome;
import dev.stepwise.runtime.spi.StepSpec;

/** What a finished iteration of a loop step means: done, another one, or out of iterations. */
public final class LoopDecision {
  private LoopDecision() {}

  /**
   * The outcome of iteration {@code iteration} of loop step {@code spec}, which returned {@code
   * outputJson} and after which its condition {@code holds} (or not).
   */
  public static Outcome afterIteration(
      StepSpec spec, boolean holds, String outputJson, int iteration) {
    // repeatUntil stops once the condition holds, repeatWhile once it no longer does.
    boolean again = spec.options().loopUntil() != holds;
    if (!again) {
      return new Outcome.Succeeded(outputJson);
    }
    if (iteration >= spec.options().maxIterations()) {
      return new Outcome.Failed(outOfIterations(spec));
    }
    return new Outcome.Repeat(outputJson, iteration);
  }

  private static StepError outOfIterations(StepSpec spec) {
    String kind = spec.options().loopUntil() ? "repeatUntil" : "repeatWhile";
    String verdict = spec.options().loopUntil() ? "still false" : "still true";
    return new StepError(
        StepwiseException.class.getName(),
        "Loop step \""
            + spec.id()
            + "\" ran its maxIterations of "
            + spec.options().maxIterations()
            + " and its "
            + kind
            + " condition \""
            + spec.options().loopCondition()
            + "\" is "
            + verdict,
        null);
  }
}
