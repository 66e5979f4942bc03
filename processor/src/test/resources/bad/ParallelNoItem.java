package bad;

import dev.stepwise.After;
import dev.stepwise.Parallel;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.List;

@Workflow(name = "parallel-no-item")
class ParallelNoItem {
  @Step
  List<String> search() {
    return List.of();
  }

  @Step
  @After("search")
  @Parallel(over = "search", maxConcurrency = 3)
  String summarize() {
    return "?";
  }
}
