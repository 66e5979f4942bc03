package dev.stepwise.it.flows;

import dev.stepwise.After;
import dev.stepwise.Condition;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Join;
import dev.stepwise.Resume;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import java.util.Optional;

/**
 * The child workflow: {@code pack} the order, {@code inspect} it by hand when it is fragile (a
 * suspend), {@code label} it. An order named "lost" fails at {@code pack}.
 */
@Workflow(name = "it-shipment", result = "label")
public class ShipmentFlow {

  @Step
  String pack(@Input String order) {
    if (order.equals("lost")) {
      throw new IllegalStateException("the parcel was lost");
    }
    return "box(" + order + ")";
  }

  @Step(when = "fragile")
  @After("pack")
  String inspect(@From("pack") String box, @Resume Optional<String> ok, StepContext ctx) {
    return ok.map(by -> box + " inspected by " + by)
        .orElseGet(() -> ctx.suspend("fragile: inspect " + box));
  }

  @Step
  @After(
      value = {"pack", "inspect"},
      join = Join.ANY)
  String label(@From("pack") String box, @From("inspect") Optional<String> inspected) {
    return inspected.orElse(box) + " labelled";
  }

  @Condition
  boolean fragile(@Input String order) {
    return order.startsWith("glass");
  }
}
