package com.acme;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

/** Boxing, widening and supertypes are accepted for @From parameters. */
@Workflow(name = "boxing")
class FromConversions {
  @Step
  int count() {
    return 1;
  }

  @Step
  @After("count")
  CharSequence total(@From("count") Integer boxed, @From("count") Number number) {
    return "t" + boxed + number;
  }

  @Step
  @After("total")
  String show(@From("total") Object text, @From("count") long widened) {
    return text + " " + widened;
  }
}
