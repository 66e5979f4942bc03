package bad;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "from-unknown")
class FromUnknownStep {
  @Step
  String reserve() {
    return "r";
  }

  @Step
  @After("reserve")
  String charge(@From("reserv") String reservation) {
    return reservation;
  }
}
