package bad;

import dev.stepwise.After;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "two-cycles")
class TwoCycles {
  @Step
  @After("c")
  String a() {
    return "a";
  }

  @Step
  @After("a")
  String b() {
    return "b";
  }

  @Step
  @After("b")
  String c() {
    return "c";
  }

  @Step
  @After("self")
  String self() {
    return "s";
  }
}
