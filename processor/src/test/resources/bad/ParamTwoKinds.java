package bad;

import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "param-two-kinds")
class ParamTwoKinds {
  @Step
  String reserve(@Input @From("reserve") String order) {
    return order;
  }
}
