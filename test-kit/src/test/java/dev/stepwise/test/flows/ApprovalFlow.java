package dev.stepwise.test.flows;

import dev.stepwise.After;
import dev.stepwise.Event;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

/** A request that waits a day for an approval event; without one, {@code decide} times out. */
@Workflow(name = "kit-approval")
public class ApprovalFlow {

  @Step
  String request(@Input String what) {
    return what;
  }

  @Step
  @After("request")
  String decide(
      @From("request") String what, @Event(value = "approved", timeout = "24h") String by) {
    return what + " approved by " + by;
  }
}
