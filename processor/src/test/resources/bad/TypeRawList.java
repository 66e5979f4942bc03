package bad;

import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.List;

@Workflow(name = "raw-list")
class TypeRawList {
  @Step
  @SuppressWarnings("rawtypes")
  int count(@Input List items) {
    return items.size();
  }
}
