package bad;

import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "workflow-retention-invalid", retention = "30 days")
class WorkflowRetentionInvalid {
  @Step
  String summarize() {
    return "s";
  }
}
