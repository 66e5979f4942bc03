package bad;

import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "result-unknown", result = "approv")
class ResultUnknown {
  @Step
  String approve() {
    return "a";
  }
}
