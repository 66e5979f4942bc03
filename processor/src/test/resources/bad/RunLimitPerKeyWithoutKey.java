package bad;

import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "run-limit-per-key", maxParallelismPerKey = 1)
class RunLimitPerKeyWithoutKey {
  @Step
  String summarize() {
    return "s";
  }
}
