package bad;

import dev.stepwise.After;
import dev.stepwise.Retry;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "three-problems")
class ThreeProblems {
  @Step
  private String reserve() {
    return "r";
  }

  @Step
  @After("reserv")
  String charge() {
    return "c";
  }

  @Step
  @After("reserve")
  @Retry(jitter = 2.0)
  String ship() {
    return "s";
  }
}
