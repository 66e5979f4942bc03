package bad;

import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "result-void", result = "notifyCustomer")
class ResultVoid {
  @Step
  void notifyCustomer() {}
}
