package dev.stepwise.bench.stepwise;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Resume;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.bench.Work;
import dev.stepwise.runtime.StepContext;
import java.util.Optional;

/** One step, then a step that suspends the run until it is resumed with a decision. */
@Workflow(name = "bench-approval")
public class ApprovalWorkflow {

  @Step
  String prepare(@Input String input) {
    return Work.one(input);
  }

  @Step
  @After("prepare")
  String approve(
      @From("prepare") String prepared, @Resume Optional<String> decision, StepContext ctx) {
    return decision
        .map(d -> Work.approve(prepared, d))
        .orElseGet(() -> ctx.suspend("waiting for a decision"));
  }
}
