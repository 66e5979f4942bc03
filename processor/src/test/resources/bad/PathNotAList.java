package bad;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "path-not-list")
class PathNotAList {
  record Reservation(String id) {}

  @Step
  Reservation reserve() {
    return null;
  }

  @Step
  @After("reserve")
  String ship(@From(value = "reserve", path = "id[0]") String id) {
    return id;
  }
}
