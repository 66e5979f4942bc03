package bad;

import dev.stepwise.Condition;
import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "condition-unknown")
class ConditionUnknown {
  @Step(when = "isLargee")
  String approve() {
    return "a";
  }

  @Condition
  boolean isLarge(@Input Integer total) {
    return total > 1000;
  }
}
