package good;

import dev.stepwise.Condition;
import dev.stepwise.From;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;

@Workflow(name = "loop")
class LoopWorkflow {
  @Step(repeatUntil = "reached", maxIterations = 10)
  int count(StepContext ctx) {
    return ctx.iteration();
  }

  @Condition
  boolean reached(@From("count") int count) {
    return count >= 3;
  }
}
