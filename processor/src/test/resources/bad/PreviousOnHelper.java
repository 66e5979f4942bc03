package bad;

import dev.stepwise.Previous;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.Optional;

@Workflow(name = "previous-on-helper")
class PreviousOnHelper {
  @Step
  Integer sum() {
    return next(Optional.empty());
  }

  Integer next(@Previous Optional<Integer> before) {
    return before.orElse(0) + 1;
  }
}
