package dev.stepwise.example.research;

import dev.stepwise.After;
import dev.stepwise.Event;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Item;
import dev.stepwise.OnTimeout;
import dev.stepwise.Parallel;
import dev.stepwise.Retry;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import java.util.List;

/**
 * A research agent: plan which sources to ask, query them all in parallel (at most three at a time,
 * each retried on its own), wait for an editor's review sent as an event, then publish.
 */
@Workflow(name = "research", result = "publish")
public class ResearchWorkflow {
  private final FlakySources sources;

  public ResearchWorkflow(FlakySources sources) {
    this.sources = sources;
  }

  @Step
  List<String> plan(@Input String topic) {
    return List.of("arxiv", "wikipedia", "news", "patents", "forums");
  }

  @Step
  @After("plan")
  @Parallel(over = "plan", maxConcurrency = 3)
  @Retry(attempts = 4, delay = "50ms", backoff = 2.0, maxDelay = "1s", jitter = 0.2)
  Finding query(@Item String source, @Input String topic, StepContext ctx) {
    ctx.logger().info("asking {} about {}, attempt {}", source, topic, ctx.attempt());
    return sources.ask(source, topic);
  }

  @Step
  @After("query")
  String publish(
      @From("query") List<Finding> findings,
      @Event(value = "reviewed", timeout = "24h", onTimeout = OnTimeout.SKIP) Review review) {
    return findings.size() + " findings, reviewed by " + review.editor() + ": " + review.verdict();
  }

  /** What one source said. */
  public record Finding(String source, String summary) {}

  /** An editor's review of the findings. */
  public record Review(String editor, String verdict) {}
}
