package bad;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "path-unknown")
class PathUnknownProperty {
  record Address(String street, String city) {}

  record Reservation(String id, Address address) {}

  @Step
  Reservation reserve() {
    return null;
  }

  @Step
  @After("reserve")
  String ship(@From(value = "reserve", path = "address.citty") String city) {
    return city;
  }
}
