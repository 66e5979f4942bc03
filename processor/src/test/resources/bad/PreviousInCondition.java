package bad;

import dev.stepwise.Condition;
import dev.stepwise.Previous;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.Optional;

@Workflow(name = "previous-in-condition")
class PreviousInCondition {
  @Step(repeatUntil = "reached", maxIterations = 12)
  int sum(@Previous Optional<Integer> before) {
    return before.orElse(0) + 1;
  }

  @Condition
  boolean reached(@Previous Optional<Integer> sum) {
    return sum.orElse(0) >= 12;
  }
}
