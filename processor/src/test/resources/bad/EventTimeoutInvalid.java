package bad;

import dev.stepwise.Event;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "event-timeout")
class EventTimeoutInvalid {
  @Step
  String pay(@Event(value = "approved", timeout = "2 days") String by) {
    return by;
  }
}
