package bad;

import dev.stepwise.After;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

class OverrideWithoutStep {
  abstract static class Base {
    @Step
    String reserve() {
      return "r";
    }

    @Step
    String charge() {
      return "c";
    }
  }

  @Workflow(name = "override-without-step")
  static class Sub extends Base {
    @Override
    @After("reserve")
    String charge() {
      return "c2";
    }
  }
}
