package bad;

import dev.stepwise.Item;
import dev.stepwise.Parallel;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.List;

@Workflow(name = "parallel-not-upstream")
class ParallelNotUpstream {
  @Step
  List<String> search() {
    return List.of();
  }

  @Step
  @Parallel(over = "search")
  String summarize(@Item String page) {
    return page;
  }
}
