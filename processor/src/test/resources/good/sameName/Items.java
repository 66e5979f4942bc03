package com.acme.names;

import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

/** Two types named Item from different packages get validators with different names. */
@Workflow(name = "same-names")
public class Items {
  @Step
  com.acme.names.b.Item convert(@Input com.acme.names.a.Item item) {
    return new com.acme.names.b.Item(item.name());
  }
}
