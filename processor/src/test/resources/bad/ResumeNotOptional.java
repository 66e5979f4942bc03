package bad;

import dev.stepwise.Resume;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "resume-type")
class ResumeNotOptional {
  @Step
  String approve(@Resume String decision) {
    return decision;
  }
}
