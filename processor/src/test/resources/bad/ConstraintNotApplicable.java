package bad;

import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import jakarta.validation.constraints.Size;

@Workflow(name = "size-on-int")
class ConstraintNotApplicable {
  record Line(@Size(min = 1) int quantity) {}

  @Step
  int count(@Input Line line) {
    return line.quantity();
  }
}
