package bad;

import dev.stepwise.Step;
import dev.stepwise.Workflow;

interface NotAQueue {}

@Workflow(name = "queue-not-annotated")
class QueueNotAnnotated {
  @Step(queue = NotAQueue.class)
  String summarize() {
    return "s";
  }
}
