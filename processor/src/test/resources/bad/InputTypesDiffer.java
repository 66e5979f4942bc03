package bad;

import dev.stepwise.Condition;
import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "inputs")
class InputTypesDiffer {
  @Step(when = "isLarge")
  String reserve(@Input String order) {
    return order;
  }

  @Condition
  boolean isLarge(@Input Integer total) {
    return total > 1000;
  }
}
