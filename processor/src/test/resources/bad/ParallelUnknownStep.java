package bad;

import dev.stepwise.After;
import dev.stepwise.Item;
import dev.stepwise.Parallel;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.List;

@Workflow(name = "parallel-unknown")
class ParallelUnknownStep {
  @Step
  List<String> search() {
    return List.of();
  }

  @Step
  @After("search")
  @Parallel(over = "serch")
  String summarize(@Item String page) {
    return page;
  }
}
