package bad;

import dev.stepwise.Retry;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "retry-class")
@Retry(delay = "-5s")
class RetryNegativeOnClass {
  @Step
  String charge() {
    return "c";
  }
}
