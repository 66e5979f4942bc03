package bad;

import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "param-kind")
class ParamNoKind {
  @Step
  String reserve(String order) {
    return order;
  }
}
