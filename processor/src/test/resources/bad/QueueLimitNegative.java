package bad;

import dev.stepwise.Queue;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Queue(name = "llm", concurrency = 8, perNode = -1)
interface NegativeQueue {}

@Workflow(name = "queue-limit-negative")
class QueueLimitNegative {
  @Step(queue = NegativeQueue.class)
  String summarize() {
    return "s";
  }
}
