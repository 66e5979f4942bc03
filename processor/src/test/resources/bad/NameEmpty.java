package bad;

import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "")
class NameEmpty {
  @Step
  String approve() {
    return "a";
  }
}
