package bad;

import dev.stepwise.Previous;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.Optional;

@Workflow(name = "previous-without-loop")
class PreviousWithoutLoop {
  @Step
  Integer sum(@Previous Optional<Integer> before) {
    return before.orElse(0) + 1;
  }
}
