package dev.stepwise.chaos.flow;

import dev.stepwise.After;
import dev.stepwise.Input;
import dev.stepwise.Retry;
import dev.stepwise.Step;
import dev.stepwise.Workflow;
import dev.stepwise.runtime.StepContext;
import java.util.List;

/**
 * A sequence, {@code prepare -> book -> finish}: the engine records each step of it in one
 * statement (its chain path). {@code prepare} and {@code book} are {@link SoakSteps}'.
 */
@Workflow(name = "soak-chain")
public class ChainFlow extends SoakSteps {
  /** The steps that may fail once by design; each has a retry policy that outlasts the faults. */
  public static final List<String> RETRIED = List.of("prepare", "finish");

  /**
   * @param node the name of the worker JVM, written with each ledger row
   */
  public ChainFlow(String node) {
    super(node);
  }

  @Step
  @After("book")
  @Retry(attempts = 10, delay = "100ms", maxDelay = "1s")
  String finish(@Input Job job, StepContext ctx) {
    return Work.step(job, ctx);
  }
}
