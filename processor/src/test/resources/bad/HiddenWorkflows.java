package bad;

import dev.stepwise.*;

class HiddenWorkflows {
  HiddenWorkflows() {
    @dev.stepwise.Workflow(name = "in-constructor")
    class InConstructor {}
  }

  {
    @Workflow(name = "in-initializer")
    class InInitializer {}
  }

  Runnable inLambda =
      () -> {
        @Workflow(name = "in-lambda")
        record InLambda() {}
      };

  Object inAnonymous =
      new Object() {
        @Workflow(name = "in-anonymous")
        class InAnonymous {}
      };

  void nested() {
    class Local {
      @Workflow(name = "in-local")
      static class InLocal {}
    }
  }

  @Workflow(name = "visible")
  static class Visible {
    @Step
    String a() {
      return "a";
    }
  }
}
