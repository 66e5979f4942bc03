package bad;

import dev.stepwise.After;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "after-unknown")
class AfterUnknownStep {
  @Step
  String reserve() {
    return "r";
  }

  @Step
  String ship() {
    return "s";
  }

  @Step
  @After({"reserve", "shipp"})
  String approve() {
    return "a";
  }
}
