package dev.stepwise.it.flows;

import dev.stepwise.After;
import dev.stepwise.Condition;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Mastra's loops: {@code count} repeats until its value reaches the target (a counted loop, {@code
 * repeatUntil}); {@code poll} repeats while the service says "busy" ({@code repeatWhile}); both
 * come after a join of {@code left} and {@code right}, and {@code done} reads their last
 * iterations. The input says where to start, the target, and after how many polls the service is
 * ready.
 */
@Workflow(name = "it-loop", result = "done")
public class LoopFlow {
  /** The iterations each loop step saw, in order. */
  public final List<Integer> countIterations = new CopyOnWriteArrayList<>();

  public final List<Integer> pollIterations = new CopyOnWriteArrayList<>();

  /** Where to start counting, where to stop, and after how many polls the service is ready. */
  public record Plan(int start, int target, int readyAfter) {}

  @Step
  int left(@Input Plan plan) {
    return plan.start();
  }

  @Step
  int right(@Input Plan plan) {
    return 1;
  }

  @Step(repeatUntil = "reachedTarget", maxIterations = 10)
  @After({"left", "right"})
  int count(@From("left") int start, @From("right") int step, StepContext ctx) {
    countIterations.add(ctx.iteration());
    return start + step * ctx.iteration();
  }

  @Step(repeatWhile = "busy", maxIterations = 5)
  @After({"left", "right"})
  String poll(@Input Plan plan, StepContext ctx) {
    pollIterations.add(ctx.iteration());
    return ctx.iteration() >= plan.readyAfter() ? "ready" : "busy";
  }

  @Step
  @After({"count", "poll"})
  String done(@From("count") int count, @From("poll") String poll) {
    return count + "/" + poll;
  }

  @Condition
  boolean reachedTarget(@From("count") int count, @Input Plan plan) {
    return count >= plan.target();
  }

  @Condition
  boolean busy(@From("poll") String status) {
    return status.equals("busy");
  }
}
