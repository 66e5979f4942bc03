package bad;

import dev.stepwise.After;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "after-without-step")
class AfterWithoutStep {
  @Step
  String reserve() {
    return "r";
  }

  @After("reserve")
  String charge() {
    return "c";
  }
}
