package bad;

import dev.stepwise.Event;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "event-twice")
class EventTwice {
  @Step
  String pay(@Event("approved") String by, @Event("paid") Integer amount) {
    return by + amount;
  }
}
