package dev.stepwise.spring.flows;

import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

/** Holds a nested workflow, whose runner is named {@code Outer_NestedRunner}. */
public final class Outer {
  private Outer() {}

  /** A one-step workflow declared inside another class. */
  @Workflow(name = "spring-nested")
  public static class Nested {
    @Step
    int twice(@Input int n) {
      return 2 * n;
    }
  }
}
