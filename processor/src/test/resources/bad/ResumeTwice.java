package bad;

import dev.stepwise.Resume;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.Optional;

@Workflow(name = "resume-twice")
class ResumeTwice {
  @Step
  String approve(@Resume Optional<String> decision, @Resume Optional<String> comment) {
    return decision.orElse("") + comment.orElse("");
  }
}
