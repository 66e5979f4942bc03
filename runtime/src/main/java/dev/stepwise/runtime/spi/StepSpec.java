package dev.stepwise.runtime.spi;

import dev.stepwise.Join;
import java.util.List;

/**
 * One step of a {@link WorkflowGraph}.
 *
 * @param id the step id
 * @param after the ids of its predecessors; empty for a root
 * @param join how it decides to run once its predecessors finished
 * @param retry its retry policy ({@link RetryPolicy#NONE} when none is declared)
 * @param when the {@code @Condition} that must be true for it to run, or null
 * @param unless the {@code @Condition} that must be false for it to run, or null
 * @param suspendable whether it has a {@code @Resume} parameter
 */
public record StepSpec(
    String id,
    List<String> after,
    Join join,
    RetryPolicy retry,
    String when,
    String unless,
    boolean suspendable) {

  public StepSpec {
    after = List.copyOf(after);
  }

  /** True if the step has no predecessors and starts with the run. */
  public boolean isRoot() {
    return after.isEmpty();
  }
}
