package bad;

import dev.stepwise.Condition;
import dev.stepwise.From;
import dev.stepwise.Previous;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "previous-not-optional")
class PreviousNotOptional {
  @Step(repeatUntil = "reached", maxIterations = 12)
  int sum(@Previous int before) {
    return before + 1;
  }

  @Condition
  boolean reached(@From("sum") int sum) {
    return sum >= 12;
  }
}
