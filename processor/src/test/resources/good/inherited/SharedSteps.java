package com.acme.shared;

import dev.stepwise.After;
import dev.stepwise.Condition;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Step;

/** Steps for workflows in other packages: public, so their generated code can call them. */
public abstract class SharedSteps<T> {
  @Step
  public T load(@Input String id) {
    return convert(id);
  }

  @Step
  @After("load")
  public String audit(@From("load") T value) {
    return "audited " + value;
  }

  @Condition
  public boolean isLong(@Input String id) {
    return id.length() > 8;
  }

  @Condition
  public static boolean never() {
    return false;
  }

  protected abstract T convert(String id);
}
