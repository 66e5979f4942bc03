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
 * A fork and a join, {@code prepare -> book -> (email, ship) -> close}: the engine records these
 * steps on its general path (run lock, graph progress, a join enqueued once). {@code book} is
 * transactional and writes one ledger row.
 */
@Workflow(name = "soak-fork")
public class ForkFlow extends SoakSteps {
  /** The steps that may fail once by design; each has a retry policy that outlasts the faults. */
  public static final List<String> RETRIED = List.of("prepare", "email", "ship", "close");

  /**
   * @param node the name of the worker JVM, written with each ledger row
   */
  public ForkFlow(String node) {
    super(node);
  }

  @Step
  @After("book")
  @Retry(attempts = 10, delay = "100ms", maxDelay = "1s")
  String email(@Input Job job, StepContext ctx) {
    return Work.step(job, ctx);
  }

  @Step
  @After("book")
  @Retry(attempts = 10, delay = "100ms", maxDelay = "1s")
  String ship(@Input Job job, StepContext ctx) {
    return Work.step(job, ctx);
  }

  @Step
  @After({"email", "ship"})
  @Retry(attempts = 10, delay = "100ms", maxDelay = "1s")
  String close(
      @Input Job job,
      @From("email") String emailed,
      @From("ship") String shipped,
      StepContext ctx) {
    return Work.step(job, ctx) + " after " + emailed + " and " + shipped;
  }
}
