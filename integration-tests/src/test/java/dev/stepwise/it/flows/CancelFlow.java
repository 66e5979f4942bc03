package dev.stepwise.it.flows;

import dev.stepwise.After;
import dev.stepwise.Resume;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import java.util.Optional;

/**
 * Something to cancel: {@code start} succeeds, {@code timer} then waits an hour, {@code park} is
 * suspended, and {@code later} is not reached until park is resumed.
 */
@Workflow(name = "it-cancel")
public class CancelFlow {

  @Step
  String start() {
    return "started";
  }

  @Step
  @After(value = "start", delay = "1h")
  String timer() {
    return "an hour later";
  }

  @Step
  String park(@Resume Optional<String> go, StepContext ctx) {
    return go.orElseGet(() -> ctx.suspend("waiting for go"));
  }

  @Step
  @After("park")
  String later() {
    return "later";
  }
}
