package bad;

import dev.stepwise.After;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "after-duplicate")
class AfterDuplicate {
  @Step
  String reserve() {
    return "r";
  }

  @Step
  @After({"reserve", "reserve"})
  String ship() {
    return "s";
  }
}
