package bad;

import dev.stepwise.Condition;
import dev.stepwise.From;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "loop-no-max")
class LoopNoMax {
  @Step(repeatUntil = "ready")
  String poll() {
    return "busy";
  }

  @Condition
  boolean ready(@From("poll") String status) {
    return status.equals("ready");
  }
}
