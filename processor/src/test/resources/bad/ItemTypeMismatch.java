package bad;

import dev.stepwise.After;
import dev.stepwise.Item;
import dev.stepwise.Parallel;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.List;

@Workflow(name = "item-type")
class ItemTypeMismatch {
  @Step
  List<String> search() {
    return List.of();
  }

  @Step
  @After("search")
  @Parallel(over = "search")
  String summarize(@Item Integer page) {
    return "p" + page;
  }
}
