package bad;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "type-mismatch")
class FromTypeMismatch {
  @Step
  String reserve() {
    return "r";
  }

  @Step
  @After("reserve")
  String charge(@From("reserve") Integer reservation) {
    return "c" + reservation;
  }
}
