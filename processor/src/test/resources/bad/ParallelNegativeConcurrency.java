package bad;

import dev.stepwise.After;
import dev.stepwise.Item;
import dev.stepwise.Parallel;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.List;

@Workflow(name = "parallel-negative")
class ParallelNegativeConcurrency {
  @Step
  List<String> search() {
    return List.of();
  }

  @Step
  @After("search")
  @Parallel(over = "search", maxConcurrency = -1)
  String summarize(@Item String page) {
    return page;
  }
}
