package bad;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "path-malformed")
class PathMalformed {
  record Reservation(String id) {}

  @Step
  Reservation reserve() {
    return null;
  }

  @Step
  @After("reserve")
  String ship(@From(value = "reserve", path = "id..x") String id) {
    return id;
  }
}
