package bad;

import dev.stepwise.Condition;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "modifiers")
class MethodModifiers {
  @Step(when = "isLarge")
  private String hidden() {
    return "h";
  }

  @Step
  static String shared() {
    return "s";
  }

  @Step
  <T> T generic() {
    return null;
  }

  @Condition
  private boolean isLarge() {
    return true;
  }
}
