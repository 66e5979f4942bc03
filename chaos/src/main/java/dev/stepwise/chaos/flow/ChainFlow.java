package dev.stepwise.chaos.flow;

import dev.stepwise.After;
import dev.stepwise.Input;
import dev.stepwise.Retry;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import java.util.List;
import org.jooq.DSLContext;

/**
 * A sequence, {@code prepare -> book -> finish}: the engine records each step of it in one
 * statement (its chain path). {@code book} is transactional and writes one ledger row.
 */
@Workflow(name = "soak-chain")
public class ChainFlow {
  /** The steps that may fail once by design; each has a retry policy that outlasts the faults. */
  public static final List<String> RETRIED = List.of("prepare", "finish");

  private final String node;

  /**
   * @param node the name of the worker JVM, written with each ledger row
   */
  public ChainFlow(String node) {
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
  String finish(@Input Job job, StepContext ctx) {
    return Work.step(job, ctx);
  }
}
