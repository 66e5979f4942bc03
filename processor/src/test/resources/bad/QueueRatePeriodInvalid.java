package bad;

import dev.stepwise.Queue;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Queue(name = "llm", rate = 50, ratePeriod = "0s")
interface InstantQueue {}

@Workflow(name = "queue-rate-period")
class QueueRatePeriodInvalid {
  @Step(queue = InstantQueue.class)
  String summarize() {
    return "s";
  }
}
