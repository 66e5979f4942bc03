package good;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "timed")
class TimedWorkflow {
  @Step(timeout = "30s")
  String signup() {
    return "ann";
  }

  @Step
  @After(value = "signup", delay = "24h")
  String remind(@From("signup") String who) {
    return "hello " + who;
  }
}
