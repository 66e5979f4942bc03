package dev.stepwise.validation.model;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Resume;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import java.util.List;
import java.util.Optional;

/** Makes the processor generate validators and schemas for the model's types. */
@Workflow(name = "corpus")
public class CorpusWorkflow {
  /** What {@code echo} returns instead of its input, when set: to test output validation. */
  public volatile Customer replacement;

  @Step
  Customer echo(@Input Customer customer) {
    Customer r = replacement;
    return r != null ? r : customer;
  }

  @Step
  @After("echo")
  Account review(@From("echo") Customer c, @Resume Optional<Account> decision, StepContext ctx) {
    return decision.orElseGet(() -> ctx.suspend("review " + c.name()));
  }

  @Step
  @After("review")
  List<Node> tree(@From("echo") Customer c) {
    return List.of(c.tree());
  }
}
