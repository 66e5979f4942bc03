package bad;

import dev.stepwise.Event;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "event-name")
class EventNameInvalid {
  @Step
  String pay(@Event("order.approved") String by) {
    return by;
  }
}
