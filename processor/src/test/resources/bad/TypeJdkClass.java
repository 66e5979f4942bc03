package bad;

import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.Date;

@Workflow(name = "jdk-class")
class TypeJdkClass {
  record Audit(String who, Date when) {}

  @Step
  Audit audit() {
    return new Audit("ann", new Date());
  }
}
