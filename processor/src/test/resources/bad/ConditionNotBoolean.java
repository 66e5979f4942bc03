package bad;

import dev.stepwise.Condition;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "condition-type")
class ConditionNotBoolean {
  @Step(when = "isLarge")
  String approve() {
    return "a";
  }

  @Condition
  String isLarge() {
    return "yes";
  }
}
