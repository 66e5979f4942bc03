package bad;

import dev.stepwise.Retry;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "retry")
class RetryInvalid {
  @Step
  @Retry(
      attempts = 0,
      delay = "5 sec",
      backoff = 0.5,
      maxDelay = "400d",
      jitter = 1.5)
  String charge() {
    return "c";
  }
}
