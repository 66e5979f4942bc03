package bad;

import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "run-limit-negative", maxParallelism = -1)
class RunLimitNegative {
  @Step
  String summarize() {
    return "s";
  }
}
