package com.acme.shared;

import dev.stepwise.Condition;
import dev.stepwise.Step;

public abstract class HiddenSteps {
  @Step
  protected String reserve() {
    return "r";
  }

  @Condition
  boolean isLarge() {
    return true;
  }
}
