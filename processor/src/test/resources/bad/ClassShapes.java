package bad;

import dev.stepwise.Step;
import dev.stepwise.Workflow;

class ClassShapes {
  @Workflow(name = "private")
  private static class Hidden {
    @Step
    String a() {
      return "a";
    }
  }

  @Workflow(name = "inner")
  class Inner {
    @Step
    String a() {
      return "a";
    }
  }

  @Workflow(name = "generic")
  static class Generic<T> {
    @Step
    String a() {
      return "a";
    }
  }
}
