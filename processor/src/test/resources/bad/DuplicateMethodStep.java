package bad;

import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "duplicate-method")
class DuplicateMethodStep {
  @Step
  String charge(@Input Integer total) {
    return "a" + total;
  }

  @Step
  String charge() {
    return "b";
  }
}
