package bad;

import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "key-without-input", concurrencyKey = "customer.id")
class KeyWithoutInput {
  @Step
  String summarize() {
    return "s";
  }
}
