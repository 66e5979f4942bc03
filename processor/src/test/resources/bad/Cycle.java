package bad;

import dev.stepwise.After;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "cycle")
class Cycle {
  @Step
  @After("charge")
  String reserve() {
    return "r";
  }

  @Step
  @After("reserve")
  String charge() {
    return "c";
  }

  @Step
  @After("charge")
  String ship() {
    return "s";
  }
}
