package dev.stepwise.it.flows;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

/** "A reminder some time after signup": a durable timer before {@code remind}. */
@Workflow(name = "it-timer")
public class TimerFlow {

  @Step
  String signup(@Input String user) {
    return user;
  }

  @Step
  @After(value = "signup", delay = "6s")
  String remind(@From("signup") String user) {
    return "reminded " + user;
  }
}
