package dev.stepwise.it.flows;

import dev.stepwise.Input;
import dev.stepwise.Retry;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Step timeouts. {@code slow} blocks past its 300ms deadline on the attempts the input names; a
 * blocked attempt either honours the interrupt ({@code "interruptible"}) or ignores it ({@code
 * "stubborn"}, it waits for {@link #release} whatever happens), which proves the worker is freed
 * either way.
 */
@Workflow(name = "it-timeout")
public class TimeoutFlow {
  /** Released by the test at its end; a stubborn attempt waits for it. */
  public final CountDownLatch release = new CountDownLatch(1);

  public final AtomicInteger interrupted = new AtomicInteger();

  /** What to do: how many attempts block, and how. */
  public record Plan(int blockingAttempts, boolean stubborn) {}

  @Step(timeout = "300ms")
  @Retry(attempts = 2, delay = "10ms", jitter = 0)
  String slow(@Input Plan plan, StepContext ctx) throws InterruptedException {
    if (ctx.attempt() > plan.blockingAttempts()) {
      return "done on attempt " + ctx.attempt();
    }
    if (!plan.stubborn()) {
      try {
        release.await(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        interrupted.incrementAndGet();
        throw e;
      }
      return "released";
    }
    while (true) {
      try {
        release.await();
        return "released";
      } catch (InterruptedException e) {
        interrupted.incrementAndGet(); // ignored on purpose
      }
    }
  }
}
