package dev.stepwise.spring.flows;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

/** Two plain steps, enough to see a runner bean run a workflow end to end. */
@Workflow(name = "spring-greeting", result = "shout")
public class GreetingWorkflow {
  private final String greeting;

  public GreetingWorkflow(String greeting) {
    this.greeting = greeting;
  }

  @Step
  String greet(@Input String name) {
    return greeting + ", " + name;
  }

  @Step
  @After("greet")
  String shout(@From("greet") String text) {
    return text + "!";
  }
}
