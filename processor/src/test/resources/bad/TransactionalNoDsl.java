package bad;

import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "tx-no-dsl")
class TransactionalNoDsl {
  @Step(transactional = true)
  String book() {
    return "booked";
  }
}
