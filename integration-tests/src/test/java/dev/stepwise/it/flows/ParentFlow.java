package dev.stepwise.it.flows;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;

/** The parent: {@code take} an order, {@code ship} it through the child workflow, {@code close}. */
@Workflow(name = "it-parent", result = "close")
public class ParentFlow {
  private final ShipmentFlowRunner shipments;

  public ParentFlow(ShipmentFlowRunner shipments) {
    this.shipments = shipments;
  }

  @Step
  String take(@Input String order) {
    return order;
  }

  @Step
  @After("take")
  String ship(@From("take") String order, StepContext ctx) {
    return shipments.runAsChild(ctx, order).output();
  }

  @Step
  @After("ship")
  String close(@From("ship") String shipped) {
    return "closed: " + shipped;
  }
}
