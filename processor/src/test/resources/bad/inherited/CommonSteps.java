package com.acme;

import dev.stepwise.From;
import dev.stepwise.Step;

abstract class CommonSteps {
  @Step
  String load() {
    return "l";
  }

  @Step
  String audit(@From("lod") String loaded) {
    return loaded;
  }
}
