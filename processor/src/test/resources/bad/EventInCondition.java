package bad;

import dev.stepwise.Condition;
import dev.stepwise.Event;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "event-condition")
class EventInCondition {
  @Step(when = "approved")
  String pay() {
    return "paid";
  }

  @Condition
  boolean approved(@Event("approved") Boolean ok) {
    return ok;
  }
}
