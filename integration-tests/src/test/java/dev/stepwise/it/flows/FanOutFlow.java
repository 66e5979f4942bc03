package dev.stepwise.it.flows;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Item;
import dev.stepwise.Parallel;
import dev.stepwise.Retry;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Dynamic fan-out: {@code search} lists pages, {@code summarize} runs once per page, at most two at
 * a time, and {@code report} reads the list of summaries in page order. A page named {@code "bad"}
 * always fails; a page named {@code "flaky"} fails on its first attempt only.
 */
@Workflow(name = "it-fan-out")
public class FanOutFlow {
  public final AtomicInteger running = new AtomicInteger();
  public final AtomicInteger maxRunning = new AtomicInteger();

  /** Attempts per page, as the step saw them. */
  public final Map<String, Integer> attempts = new ConcurrentHashMap<>();

  @Step
  List<String> search(@Input List<String> pages) {
    return pages;
  }

  @Step
  @After("search")
  @Parallel(over = "search", maxConcurrency = 2)
  @Retry(attempts = 2, delay = "10ms", jitter = 0)
  String summarize(@Item String page, StepContext ctx) {
    int now = running.incrementAndGet();
    maxRunning.accumulateAndGet(now, Math::max);
    try {
      attempts.merge(page, 1, Integer::sum);
      if (page.equals("bad") || (page.equals("flaky") && ctx.attempt() == 1)) {
        throw new IllegalStateException("cannot summarize " + page);
      }
      // Some work, so that elements overlap when the limit allows it.
      long spin = 0;
      for (int i = 0; i < 2_000_000; i++) {
        spin += i % 7;
      }
      return page.toUpperCase() + (spin < 0 ? "?" : "");
    } finally {
      running.decrementAndGet();
    }
  }

  @Step
  @After("summarize")
  String report(@From("summarize") List<String> summaries) {
    return String.join(",", summaries);
  }
}
