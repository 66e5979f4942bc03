package bad;

import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "param-without-step")
class ParamWithoutStep {
  @Step
  String reserve(@Input String order) {
    return describe(order);
  }

  String describe(@Input String text) {
    return "order " + text;
  }
}
