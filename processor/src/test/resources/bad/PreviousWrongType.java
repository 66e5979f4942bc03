package bad;

import dev.stepwise.Condition;
import dev.stepwise.From;
import dev.stepwise.Previous;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.List;
import java.util.Optional;

@Workflow(name = "previous-wrong-type")
class PreviousWrongType {
  @Step(repeatUntil = "full", maxIterations = 12)
  List<Integer> collect(@Previous Optional<List<String>> before) {
    return List.of(1);
  }

  @Condition
  boolean full(@From("collect") List<Integer> items) {
    return items.size() >= 12;
  }
}
