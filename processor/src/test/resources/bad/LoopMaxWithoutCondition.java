package bad;

import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "loop-max-alone")
class LoopMaxWithoutCondition {
  @Step(maxIterations = 5)
  String poll() {
    return "busy";
  }
}
