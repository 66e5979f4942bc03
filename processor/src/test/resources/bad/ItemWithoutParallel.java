package bad;

import dev.stepwise.Item;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "item-alone")
class ItemWithoutParallel {
  @Step
  String summarize(@Item String page) {
    return page;
  }
}
