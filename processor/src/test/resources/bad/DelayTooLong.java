package bad;

import dev.stepwise.After;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "delay-too-long")
class DelayTooLong {
  @Step
  String signup() {
    return "ann";
  }

  @Step
  @After(value = "signup", delay = "400d")
  String anniversary() {
    return "party";
  }
}
