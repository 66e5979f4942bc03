package bad;

import dev.stepwise.After;
import dev.stepwise.Item;
import dev.stepwise.Parallel;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.List;

@Workflow(name = "parallel-two-items")
class ParallelTwoItems {
  @Step
  List<String> search() {
    return List.of();
  }

  @Step
  @After("search")
  @Parallel(over = "search")
  String summarize(@Item String page, @Item String again) {
    return page + again;
  }
}
