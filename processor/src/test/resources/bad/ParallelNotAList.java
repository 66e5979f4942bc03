package bad;

import dev.stepwise.After;
import dev.stepwise.Item;
import dev.stepwise.Parallel;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "parallel-not-a-list")
class ParallelNotAList {
  @Step
  String search() {
    return "one";
  }

  @Step
  @After("search")
  @Parallel(over = "search")
  String summarize(@Item String page) {
    return page;
  }
}
