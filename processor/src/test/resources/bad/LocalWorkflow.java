package bad;

import dev.stepwise.Step;
import dev.stepwise.Workflow;

class LocalWorkflow {
  void define() {
    @Workflow(name = "local")
    class Local {
      @Step
      String a() {
        return "a";
      }
    }
  }
}
