package dev.stepwise.micrometer;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Retry;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import java.io.IOException;

/** A reservation, then a charge that fails {@code chargeFailures} times: 3 attempts in all. */
@Workflow(name = "metered")
@Retry(attempts = 3, delay = "10ms", backoff = 1.0, jitter = 0)
public class MeteredFlow {

  /** The order, and how many times the charge fails before it goes through. */
  public record Order(String id, int chargeFailures) {}

  @Step
  String reserve(@Input Order order) {
    return "reservation of " + order.id();
  }

  @Step
  @After("reserve")
  String charge(@Input Order order, @From("reserve") String reservation, StepContext ctx)
      throws IOException {
    if (ctx.attempt() <= order.chargeFailures()) {
      throw new IOException("card declined on attempt " + ctx.attempt());
    }
    return "charged for " + reservation;
  }
}
