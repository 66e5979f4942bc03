package good;

import dev.stepwise.Event;
import dev.stepwise.OnTimeout;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.List;

@Workflow(name = "event")
public class EventWorkflow {
  @Step
  public String pay(
      @Event(value = "approved", timeout = "48h", onTimeout = OnTimeout.SKIP) List<String> by) {
    return String.join(",", by);
  }
}
