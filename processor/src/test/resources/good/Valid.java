package com.acme;

import dev.stepwise.Step;
import dev.stepwise.Workflow;

@Workflow(name = "valid")
class Valid {
  @Step
  String hello() {
    return "hello";
  }
}
