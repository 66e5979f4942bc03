package bad;

import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "param-on-constructor")
class ParamOnConstructor {
  private final String prefix;

  ParamOnConstructor(@Input String prefix) {
    this.prefix = prefix;
  }

  @Step
  String reserve(@Input String order) {
    return prefix + order;
  }
}
