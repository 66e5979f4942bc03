package bad;

import dev.stepwise.Event;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "event-types")
class EventTypesDiffer {
  @Step
  String pay(@Event("approved") String by) {
    return by;
  }

  @Step
  String ship(@Event("approved") Integer amount) {
    return "shipped " + amount;
  }
}
