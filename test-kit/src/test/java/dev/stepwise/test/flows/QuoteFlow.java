package dev.stepwise.test.flows;

import dev.stepwise.Input;
import dev.stepwise.Retry;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;

/** A quote from a slow pricing service: stopped after 5 minutes, tried once more a minute later. */
@Workflow(name = "kit-quote")
public class QuoteFlow {
  private final Pricing pricing;

  public QuoteFlow(Pricing pricing) {
    this.pricing = pricing;
  }

  /** The pricing service; a test passes a fake. */
  public interface Pricing {
    long price(String item, int attempt) throws InterruptedException;
  }

  @Step(timeout = "5m")
  @Retry(attempts = 2, delay = "1m", jitter = 0)
  long quote(@Input String item, StepContext ctx) throws InterruptedException {
    return pricing.price(item, ctx.attempt());
  }
}
