package bad;

import dev.stepwise.Queue;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Queue(name = "llm queue", concurrency = 8)
interface SpacedQueue {}

@Workflow(name = "queue-name-invalid")
class QueueNameInvalid {
  @Step(queue = SpacedQueue.class)
  String summarize() {
    return "s";
  }
}
