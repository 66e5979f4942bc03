package com.acme.flow;

import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import java.util.List;

/** Keyed by a primitive through a list index: the key is its decimal text. */
@Workflow(name = "number-key", concurrencyKey = "customers[0].number")
public class NumberKeyWorkflow {
  public record Batch(List<FlowWorkflow.Customer> customers) {}

  @Step
  String load(@Input Batch batch) {
    return "loaded";
  }
}
