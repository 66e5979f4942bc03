package bad;

import dev.stepwise.Queue;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Queue(name = "per-customer", perKey = 1)
interface PerCustomerQueue {}

@Workflow(name = "queue-per-key")
class QueuePerKeyWithoutKey {
  @Step(queue = PerCustomerQueue.class)
  String summarize() {
    return "s";
  }
}
