package dev.stepwise.chaos.flow;

import dev.stepwise.After;
import dev.stepwise.Input;
import dev.stepwise.Retry;
import dev.stepwise.Step;
import dev.stepwise.runtime.StepContext;
import org.jooq.DSLContext;

/**
 * The two steps every soak workflow starts with, inherited by each: {@code prepare}, which may fail
 * once by design, then {@code book}, transactional, which writes one ledger row.
 */
abstract class SoakSteps {
  /** The name of the worker JVM, written with each ledger row. */
  private final String node;

  SoakSteps(String node) {
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
}
