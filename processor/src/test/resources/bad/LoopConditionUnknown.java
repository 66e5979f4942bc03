package bad;

import dev.stepwise.Condition;
import dev.stepwise.From;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "loop-unknown")
class LoopConditionUnknown {
  @Step(repeatWhile = "bussy", maxIterations = 5)
  String poll() {
    return "busy";
  }

  @Condition
  boolean busy(@From("poll") String status) {
    return status.equals("busy");
  }
}
