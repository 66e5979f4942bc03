package bad;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "not-upstream")
class FromNotUpstream {
  @Step
  String reserve() {
    return "r";
  }

  @Step
  @After("reserve")
  Integer charge() {
    return 1;
  }

  @Step
  @After("reserve")
  String ship(@From("charge") Integer payment) {
    return "s" + payment;
  }
}
