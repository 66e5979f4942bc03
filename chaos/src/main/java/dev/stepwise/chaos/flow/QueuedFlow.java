package dev.stepwise.chaos.flow;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Retry;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import java.util.List;

/**
 * A fan-out into a queue with a global limit, {@code prepare -> book -> (q1, q2, q3, q4) -> close}:
 * the four {@code q} steps wait for {@link SoakLimited}, at most three of whose steps may run at
 * once over all worker JVMs, and each records its interval ({@link Slots}) while it holds its slot
 * for {@link Job#holdMs()}.
 */
@Workflow(name = QueuedFlow.WORKFLOW)
public class QueuedFlow extends SoakSteps {
  public static final String WORKFLOW = "soak-queued";

  /** The steps that may fail once by design; each has a retry policy that outlasts the faults. */
  public static final List<String> RETRIED = List.of("prepare", "q1", "q2", "q3", "q4", "close");

  /** The steps that wait for {@link SoakLimited}. */
  public static final List<String> LIMITED = List.of("q1", "q2", "q3", "q4");

  private final Slots slots;

  /**
   * @param node the name of the worker JVM, written with each ledger row
   * @param slots where the limited steps record their intervals; null on the controller, which runs
   *     no step
   */
  public QueuedFlow(String node, Slots slots) {
    super(node);
    this.slots = slots;
  }

  @Step(queue = SoakLimited.class)
  @After("book")
  @Retry(attempts = 10, delay = "100ms", maxDelay = "1s")
  String q1(@Input Job job, StepContext ctx) {
    return limited(job, ctx);
  }

  @Step(queue = SoakLimited.class)
  @After("book")
  @Retry(attempts = 10, delay = "100ms", maxDelay = "1s")
  String q2(@Input Job job, StepContext ctx) {
    return limited(job, ctx);
  }

  @Step(queue = SoakLimited.class)
  @After("book")
  @Retry(attempts = 10, delay = "100ms", maxDelay = "1s")
  String q3(@Input Job job, StepContext ctx) {
    return limited(job, ctx);
  }

  @Step(queue = SoakLimited.class)
  @After("book")
  @Retry(attempts = 10, delay = "100ms", maxDelay = "1s")
  String q4(@Input Job job, StepContext ctx) {
    return limited(job, ctx);
  }

  @Step
  @After({"q1", "q2", "q3", "q4"})
  @Retry(attempts = 10, delay = "100ms", maxDelay = "1s")
  String close(
      @Input Job job,
      @From("q1") String a,
      @From("q2") String b,
      @From("q3") String c,
      @From("q4") String d,
      StepContext ctx) {
    return Work.step(job, ctx);
  }

  private String limited(Job job, StepContext ctx) {
    Work.failIfDesigned(job, ctx);
    slots.hold(ctx, job.holdMs());
    return ctx.stepId() + " held " + job.holdMs() + " ms on attempt " + ctx.attempt();
  }
}
