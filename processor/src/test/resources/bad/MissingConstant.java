package bad;

import dev.stepwise.After;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "missing-constant")
class MissingConstant {
  @Step
  String reserve() {
    return "r";
  }

  @Step
  @After(Missing.ID)
  String ship() {
    return "s";
  }
}
