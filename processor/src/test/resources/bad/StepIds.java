package bad;

import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "ids")
class StepIds {
  @Step
  String status() {
    return "s";
  }

  @Step(id = "send-email")
  String sendEmail() {
    return "e";
  }

  @Step(id = "notify.team")
  String notifyTeam() {
    return "n";
  }
}
