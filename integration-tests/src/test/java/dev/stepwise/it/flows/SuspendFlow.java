package dev.stepwise.it.flows;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Resume;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mastra's "suspend and resume": {@code draft} suspends with a payload-like reason and is resumed
 * with the user's prompt; {@code review} suspends until resumed with a score of at least 7 (a lower
 * score suspends it again); {@code publish} runs after both.
 */
@Workflow(name = "it-suspend")
public class SuspendFlow {
  /** How often each suspendable step executed. */
  public final AtomicInteger draftRuns = new AtomicInteger();

  public final AtomicInteger reviewRuns = new AtomicInteger();

  /** A review's verdict. */
  public record Score(int value, String comment) {}

  @Step
  String draft(@Input String topic, @Resume Optional<String> prompt, StepContext ctx) {
    draftRuns.incrementAndGet();
    return prompt
        .map(p -> "draft about " + topic + " (" + p + ")")
        .orElseGet(() -> ctx.suspend("need a prompt for " + topic));
  }

  @Step
  @After("draft")
  String review(@From("draft") String draft, @Resume Optional<Score> score, StepContext ctx) {
    reviewRuns.incrementAndGet();
    if (score.isEmpty()) {
      return ctx.suspend("please score: " + draft);
    }
    if (score.get().value() < 7) {
      return ctx.suspend("score " + score.get().value() + " is too low, improve and rescore");
    }
    return draft + " scored " + score.get().value();
  }

  @Step
  @After("review")
  String publish(@From("review") String reviewed) {
    return "published: " + reviewed;
  }
}
