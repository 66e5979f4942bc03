package com.acme;

import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

public class Outer {
  /** A nested workflow: its generated classes are named Outer_Inner*. */
  @Workflow(name = "nested")
  public static class Inner {
    @Step
    int length(@Input String text) {
      return text.length();
    }
  }
}
