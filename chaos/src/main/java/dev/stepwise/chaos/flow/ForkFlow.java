package dev.stepwise.chaos.flow;

import dev.stepwise.After;
import dev.stepwise.From;
import dev.stepwise.Input;
import dev.stepwise.Retry;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import java.util.List;
import org.jooq.DSLContext;

/**
 * A fork and a join, {@code prepare -> book -> (email, ship) -> close}: the engine records these
 * steps on its general path (run lock, graph progress, a join enqueued once). {@code book} is
 * transactional and writes one ledger row.
 */
@Workflow(name = "soak-fork")
public class ForkFlow {
  /** The steps that may fail once by design; each has a retry policy that outlasts the faults. */
  public static final List<String> RETRIED = List.of("prepare", "email", "ship", "close");

  private final String node;

  /**
   * @param node the name of the worker JVM, written with each ledger row
   */
  public ForkFlow(String node) {
    this.node = node;
  }

  @Step
  @Retry(attempts = 10, delay = "100ms", maxDelay = "1s")
  String prepare(@Input Job job, StepContext ctx) {
    return Work.step(job, ctx);
  }

  // Nothing in it fails by design, and it has no retry policy on purpose: a run must succeed
  // whatever the faults, so a failure of the engine's own statements around it (a commit cut off
  // by a database restart) must never be counted as the step's failure.
  @Step(transactional = true)
  @After("prepare")
  String book(@Input Job job, DSLContext tx, StepContext ctx) {
    Ledger.write(tx, ctx, node);
    Work.pause(job.latencyMs() / 2); // inside the transaction: a kill here must roll it back
    return "booked on attempt " + ctx.attempt() + " by " + node;
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
