package bad;

import dev.stepwise.After;
import dev.stepwise.Condition;
import dev.stepwise.From;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "condition-upstream")
class ConditionFromNotUpstream {
  @Step
  Integer quote() {
    return 1;
  }

  @Step(when = "isLarge")
  @After("quote")
  String approve() {
    return "a";
  }

  @Step(unless = "isLarge")
  String skipApproval() {
    return "s";
  }

  @Condition
  boolean isLarge(@From("quote") Integer total) {
    return total > 1000;
  }
}
