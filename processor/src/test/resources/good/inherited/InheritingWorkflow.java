package com.acme;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "inheriting")
class InheritingWorkflow extends OrderBase {
  /** Overridden without annotations: still the inherited step, and this body is what runs. */
  @Override
  String charge(String reservation) {
    return "charged twice for " + reservation;
  }

  /** Overridden with @Step: a declaration of its own, which replaces the inherited one. */
  @Override
  @Step
  @After("charge")
  String notifyTeam() {
    return "sent after charging";
  }

  @Step(when = "isLong", unless = "never")
  @After({"audit", "notifyTeam"})
  String ship(@From("load") Integer quantity, @From("audit") String audit) {
    return "shipped " + quantity + " (" + audit + ")";
  }
}
