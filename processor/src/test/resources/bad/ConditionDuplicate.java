package bad;

import dev.stepwise.Condition;
import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "condition-duplicate")
class ConditionDuplicate {
  @Step(unless = "isLarge")
  String approve(@Input Integer total) {
    return "a" + total;
  }

  @Condition
  boolean isLarge(@Input Integer total) {
    return total > 1000;
  }

  @Condition
  boolean isLarge() {
    return false;
  }
}
