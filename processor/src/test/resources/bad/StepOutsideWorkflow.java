package bad;

import dev.stepwise.After;
import dev.stepwise.Input;
import dev.stepwise.Step;

class StepOutsideWorkflow {
  @Step
  @After("first")
  String orphan(@Input String order) {
    return "o";
  }
}
