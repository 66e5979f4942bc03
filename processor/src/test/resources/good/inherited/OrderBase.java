package com.acme;

import com.acme.shared.SharedSteps;
import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Step;

/** Steps in the workflow's own package: protected and package-private ones are callable too. */
abstract class OrderBase extends SharedSteps<Integer> {
  @Step
  @After("load")
  protected String reserve(@From("load") Integer quantity) {
    return "reserved " + quantity;
  }

  @Step
  @After("reserve")
  String charge(@From("reserve") String reservation) {
    return "charged for " + reservation;
  }

  @Step
  @After("load")
  String notifyTeam() {
    return "sent";
  }

  @Override
  protected Integer convert(String id) {
    return id.length();
  }
}
