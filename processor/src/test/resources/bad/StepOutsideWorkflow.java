package bad;

import dev.stepwise.Step;

class StepOutsideWorkflow {
  @Step
  String orphan() {
    return "o";
  }
}
