package bad;

import dev.stepwise.Retry;

@Retry(attempts = 2)
class RetryWithoutWorkflow {
  String call() {
    return "c";
  }
}
