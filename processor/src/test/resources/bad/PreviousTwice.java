package bad;

import dev.stepwise.Condition;
import dev.stepwise.From;
import dev.stepwise.Previous;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.Optional;

@Workflow(name = "previous-twice")
class PreviousTwice {
  @Step(repeatUntil = "reached", maxIterations = 12)
  int sum(@Previous Optional<Integer> before, @Previous Optional<Integer> again) {
    return before.orElse(0) + 1;
  }

  @Condition
  boolean reached(@From("sum") int sum) {
    return sum >= 12;
  }
}
