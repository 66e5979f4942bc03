package bad;

import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "duplicate-id")
class DuplicateStepId {
  @Step
  String charge() {
    return "a";
  }

  @Step(id = "charge")
  String chargeAgain() {
    return "b";
  }
}
