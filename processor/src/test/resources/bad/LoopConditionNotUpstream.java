package bad;

import dev.stepwise.Condition;
import dev.stepwise.From;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "loop-not-upstream")
class LoopConditionNotUpstream {
  @Step
  int limit() {
    return 3;
  }

  @Step(repeatWhile = "belowLimit", maxIterations = 5)
  int poll() {
    return 1;
  }

  @Condition
  boolean belowLimit(@From("poll") int value, @From("limit") int limit) {
    return value < limit;
  }
}
