package bad;

import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import jakarta.validation.constraints.Pattern;

@Workflow(name = "bad-pattern")
class ConstraintInvalidPattern {
  record Code(@Pattern(regexp = "[A-Z") String value) {}

  @Step
  String show(@Input Code code) {
    return code.value();
  }
}
