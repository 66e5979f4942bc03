package dev.stepwise.it.flows;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Retry;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mastra's retries: {@code flaky} fails {@code failures} times before it succeeds, with 3 attempts
 * in all (the class's policy); {@code strict} has its own policy of 2 attempts and fails while the
 * input asks it to; {@code never} aborts at once on an {@code IllegalStateException}.
 */
@Workflow(name = "it-retry")
@Retry(
    attempts = 3,
    delay = "10ms",
    backoff = 1.0,
    jitter = 0,
    abortOn = IllegalStateException.class)
public class RetryFlow {
  public final AtomicInteger flakyCalls = new AtomicInteger();
  public final AtomicInteger strictCalls = new AtomicInteger();

  /** How often each step fails before it succeeds. */
  public record Plan(int flakyFailures, int strictFailures, boolean abort) {}

  @Step
  String flaky(@Input Plan plan, StepContext ctx) throws IOException {
    flakyCalls.incrementAndGet();
    if (plan.abort()) {
      throw new IllegalStateException("not retryable");
    }
    if (ctx.attempt() <= plan.flakyFailures()) {
      throw new IOException("flaky failed on attempt " + ctx.attempt());
    }
    return "flaky ok on attempt " + ctx.attempt();
  }

  @Step
  @After("flaky")
  @Retry(attempts = 2, delay = "10ms", jitter = 0, abortOn = IllegalStateException.class)
  String strict(@From("flaky") String flaky, @Input Plan plan, StepContext ctx) throws IOException {
    strictCalls.incrementAndGet();
    if (ctx.attempt() <= plan.strictFailures()) {
      throw new IOException("strict failed on attempt " + ctx.attempt());
    }
    return flaky + ", strict ok on attempt " + ctx.attempt();
  }
}
