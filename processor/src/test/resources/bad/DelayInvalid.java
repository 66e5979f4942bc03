package bad;

import dev.stepwise.After;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "delay-invalid")
class DelayInvalid {
  @Step
  String signup() {
    return "ann";
  }

  @Step
  @After(value = "signup", delay = "24 hours")
  String remind(@dev.stepwise.From("signup") String who) {
    return who;
  }
}
