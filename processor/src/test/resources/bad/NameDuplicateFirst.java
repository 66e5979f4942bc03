package bad;

import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "order")
class NameDuplicateFirst {
  @Step
  String approve() {
    return "a";
  }
}
