package dev.stepwise.runtime.internal.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.Join;
import dev.stepwise.runtime.StepwiseException;
import dev.stepwise.runtime.internal.model.Outcome;
import dev.stepwise.runtime.spi.RetryPolicy;
import dev.stepwise.runtime.spi.StepSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a finished loop iteration means: repeatUntil and repeatWhile, and maxIterations. */
class LoopDecisionTest {

  private static StepSpec loop(boolean until, int maxIterations) {
    return new StepSpec("poll", List.of(), Join.ALL, RetryPolicy.NONE, null, null, false)
        .withLoop("ready", until, maxIterations);
  }

  @Test
  void repeatUntilRepeatsWhileTheConditionIsFalse() {
    assertThat(LoopDecision.afterIteration(loop(true, 3), false, "\"x\"", 1))
        .isEqualTo(new Outcome.Repeat("\"x\"", 1));
  }

  @Test
  void repeatUntilSucceedsWithTheIterationsOutputOnceTheConditionHolds() {
    assertThat(LoopDecision.afterIteration(loop(true, 3), true, "\"x\"", 2))
        .isEqualTo(new Outcome.Succeeded("\"x\""));
  }

  @Test
  void repeatWhileRepeatsWhileTheConditionHoldsAndSucceedsOnceItDoesNot() {
    assertThat(LoopDecision.afterIteration(loop(false, 3), true, "1", 1))
        .isEqualTo(new Outcome.Repeat("1", 1));
    assertThat(LoopDecision.afterIteration(loop(false, 3), false, "1", 1))
        .isEqualTo(new Outcome.Succeeded("1"));
  }

  @Test
  void theLastAllowedIterationFailsWhenTheConditionStillAsksForAnother() {
    Outcome o = LoopDecision.afterIteration(loop(true, 3), false, "\"x\"", 3);
    assertThat(o).isInstanceOf(Outcome.Failed.class);
    Outcome.Failed failed = (Outcome.Failed) o;
    assertThat(failed.error().type()).isEqualTo(StepwiseException.class.getName());
    assertThat(failed.error().message())
        .isEqualTo(
            "Loop step \"poll\" ran its maxIterations of 3 and its repeatUntil condition"
                + " \"ready\" is still false");
  }

  @Test
  void aRepeatWhileThatRunsOutSaysItsConditionIsStillTrue() {
    Outcome.Failed failed =
        (Outcome.Failed) LoopDecision.afterIteration(loop(false, 2), true, "1", 2);
    assertThat(failed.error().message()).contains("repeatWhile condition \"ready\" is still true");
  }

  @Test
  void theLastIterationSucceedsWhenTheConditionIsSatisfied() {
    assertThat(LoopDecision.afterIteration(loop(true, 3), true, "\"x\"", 3))
        .isEqualTo(new Outcome.Succeeded("\"x\""));
  }
}
