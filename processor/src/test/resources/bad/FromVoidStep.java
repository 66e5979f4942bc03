package bad;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "from-void")
class FromVoidStep {
  @Step
  void notifyCustomer() {}

  @Step
  @After("notifyCustomer")
  String ship(@From("notifyCustomer") String nothing) {
    return nothing;
  }
}
