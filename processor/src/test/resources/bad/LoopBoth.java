package bad;

import dev.stepwise.Condition;
import dev.stepwise.From;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "loop-both")
class LoopBoth {
  @Step(repeatUntil = "ready", repeatWhile = "busy", maxIterations = 5)
  String poll() {
    return "busy";
  }

  @Condition
  boolean ready(@From("poll") String status) {
    return status.equals("ready");
  }

  @Condition
  boolean busy(@From("poll") String status) {
    return status.equals("busy");
  }
}
