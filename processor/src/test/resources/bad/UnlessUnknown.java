package bad;

import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "unless-unknown")
class UnlessUnknown {
  @Step(unless = "isSmall")
  String approve() {
    return "a";
  }
}
