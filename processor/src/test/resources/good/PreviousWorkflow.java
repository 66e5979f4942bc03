package good;

import dev.stepwise.Condition;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Previous;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Workflow(name = "previous")
class PreviousWorkflow {
  @Step(repeatUntil = "enough", maxIterations = 12)
  List<String> collect(@Input String word, @Previous Optional<List<String>> before) {
    List<String> words = new ArrayList<>(before.orElse(List.of()));
    words.add(word);
    return words;
  }

  @Step(repeatWhile = "small", maxIterations = 12)
  int sum(@Previous Optional<Integer> before) {
    return before.orElse(0) + 1;
  }

  @Condition
  boolean enough(@From("collect") List<String> words) {
    return words.size() >= 3;
  }

  @Condition
  boolean small(@From("sum") int sum) {
    return sum < 12;
  }
}
