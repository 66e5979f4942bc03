package good;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Item;
import dev.stepwise.Parallel;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.List;
import java.util.Map;

@Workflow(name = "fan-out")
class FanOutWorkflow {
  @Step
  List<Map<String, Integer>> search() {
    return List.of();
  }

  @Step
  @After("search")
  @Parallel(over = "search", maxConcurrency = 4)
  int count(@Item Map<String, Integer> page) {
    return page.size();
  }

  @Step
  @After("count")
  int total(@From("count") List<Integer> counts) {
    return counts.stream().mapToInt(Integer::intValue).sum();
  }
}
