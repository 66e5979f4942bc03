package dev.stepwise.test.flows;

import dev.stepwise.Input;
import dev.stepwise.Retry;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;

/**
 * A charge against a flaky payment service, retried 7 times with a backoff from 1 minute (1, 2, 4,
 * 8, 16 and 32 minutes between the attempts: 63 minutes in all).
 */
@Workflow(name = "kit-payment")
public class PaymentFlow {
  private final Payments payments;

  public PaymentFlow(Payments payments) {
    this.payments = payments;
  }

  /** The payment service; a test passes a fake. */
  public interface Payments {
    String charge(long cents, int attempt);
  }

  @Step
  @Retry(attempts = 7, delay = "1m", backoff = 2.0, maxDelay = "1h", jitter = 0)
  String charge(@Input Long cents, StepContext ctx) {
    return payments.charge(cents, ctx.attempt());
  }
}
