package bad;

import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "missing-type")
class MissingType {
  @Step
  DoesNotExist load() {
    return null;
  }
}
