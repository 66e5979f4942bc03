package com.acme;

import dev.stepwise.Workflow;

class TwoHeirs {
  @Workflow(name = "first-heir")
  static class First extends CommonSteps {}

  @Workflow(name = "second-heir")
  static class Second extends CommonSteps {}
}
