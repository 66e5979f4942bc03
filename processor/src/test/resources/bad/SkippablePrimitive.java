package bad;

import dev.stepwise.After;
import dev.stepwise.Condition;
import dev.stepwise.From;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "skippable-primitive")
class SkippablePrimitive {
  @Step(when = "always")
  int count() {
    return 1;
  }

  @Step
  @After("count")
  String show(@From("count") int count) {
    return "n=" + count;
  }

  @Condition
  boolean always() {
    return true;
  }
}
