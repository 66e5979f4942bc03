package bad;

import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "interface-input")
class TypeInterfaceInput {
  interface Command {
    void run();
  }

  @Step
  String handle(@Input Command command) {
    return "ok";
  }
}
