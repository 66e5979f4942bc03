package bad;

import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "key-path", concurrencyKey = "customer[0]")
class KeyNotAList {
  record Customer(String id) {}

  record Order(Customer customer) {}

  @Step
  String summarize(@Input Order order) {
    return "s";
  }
}
