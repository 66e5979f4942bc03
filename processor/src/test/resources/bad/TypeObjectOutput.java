package bad;

import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "object-output")
class TypeObjectOutput {
  @Step
  Object anything() {
    return "x";
  }
}
