package bad;

import dev.stepwise.Condition;
import dev.stepwise.Resume;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import java.util.Optional;

@Workflow(name = "condition-params")
class ConditionForbiddenParams {
  @Step(when = "isLarge")
  String approve() {
    return "a";
  }

  @Condition
  boolean isLarge(StepContext ctx, @Resume Optional<String> decision) {
    return decision.isPresent();
  }
}
