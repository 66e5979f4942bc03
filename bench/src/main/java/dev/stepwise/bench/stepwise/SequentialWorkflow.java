package dev.stepwise.bench.stepwise;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.bench.Work;

/** Three steps, one after the other. */
@Workflow(name = "bench-sequential")
public class SequentialWorkflow {

  @Step
  String one(@Input String input) {
    return Work.one(input);
  }

  @Step
  @After("one")
  String two(@From("one") String one) {
    return Work.two(one);
  }

  @Step
  @After("two")
  String three(@From("two") String two) {
    return Work.three(two);
  }
}
