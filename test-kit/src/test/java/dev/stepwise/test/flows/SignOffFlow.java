package dev.stepwise.test.flows;

import dev.stepwise.Input;
import dev.stepwise.Resume;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import java.util.Optional;

/** A sign-off that only a person can give: the run suspends until it is resumed. */
@Workflow(name = "kit-sign-off")
public class SignOffFlow {

  @Step
  String signOff(@Input String what, @Resume Optional<String> by, StepContext ctx) {
    return by.map(who -> what + " signed off by " + who)
        .orElseGet(() -> ctx.suspend("needs a sign-off"));
  }
}
