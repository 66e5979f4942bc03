package bad;

import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "timeout-zero")
class TimeoutZero {
  @Step(timeout = "0s")
  String call() {
    return "ok";
  }
}
