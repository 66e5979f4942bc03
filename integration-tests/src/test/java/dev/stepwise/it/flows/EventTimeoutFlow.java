package dev.stepwise.it.flows;

import dev.stepwise.Event;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

/** An event that must arrive within 500ms, or the step (and the run) fails. */
@Workflow(name = "it-event-timeout")
public class EventTimeoutFlow {

  @Step
  String confirm(@Event(value = "confirmed", timeout = "500ms") Boolean ok) {
    return ok ? "confirmed" : "declined";
  }
}
