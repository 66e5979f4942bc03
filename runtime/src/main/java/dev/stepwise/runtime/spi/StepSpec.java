package dev.stepwise.runtime.spi;

import dev.stepwise.Join;
import java.time.Duration;
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
 * @param options timers, timeouts and the other optional behaviour ({@link StepOptions#NONE})
 */
public record StepSpec(
    String id,
    List<String> after,
    Join join,
    RetryPolicy retry,
    String when,
    String unless,
    boolean suspendable,
    StepOptions options) {

  public StepSpec {
    after = List.copyOf(after);
    options = options == null ? StepOptions.NONE : options;
  }

  /** A step without options; the form generated code uses for a step that declares none. */
  public StepSpec(
      String id,
      List<String> after,
      Join join,
      RetryPolicy retry,
      String when,
      String unless,
      boolean suspendable) {
    this(id, after, join, retry, when, unless, suspendable, StepOptions.NONE);
  }

  /** True if the step has no predecessors and starts with the run. */
  public boolean isRoot() {
    return after.isEmpty();
  }

  /** The name of the queue its executions wait for, or null. */
  public String queueName() {
    return options.queue() == null ? null : options.queue().name();
  }

  /** A copy that waits {@code delay} (a durable timer) once ready, before it runs. */
  public StepSpec withDelay(Duration delay) {
    return withOptions(options.withDelay(delay));
  }

  /** A copy whose executions are failed once they run longer than {@code timeout}. */
  public StepSpec withTimeout(Duration timeout) {
    return withOptions(options.withTimeout(timeout));
  }

  /** A copy that runs once per element of the list {@code over} produced, {@code max} at once. */
  public StepSpec withParallel(String over, int maxConcurrency) {
    return withOptions(options.withParallel(over, maxConcurrency));
  }

  /**
   * A copy that repeats until ({@code until}) or while the {@code condition} holds, at most {@code
   * maxIterations} times.
   */
  public StepSpec withLoop(String condition, boolean until, int maxIterations) {
    return withOptions(options.withLoop(condition, until, maxIterations));
  }

  /**
   * A copy that starts only once event {@code name} was sent to the run; a {@code timeout} (null:
   * none) fails it, or skips it when {@code skipOnTimeout}.
   */
  public StepSpec withEvent(String name, Duration timeout, boolean skipOnTimeout) {
    return withOptions(options.withEvent(name, timeout, skipOnTimeout));
  }

  /** A copy that runs inside the transaction that records its result ({@code DSLContext}). */
  public StepSpec withTransactional() {
    return withOptions(options.withTransactional());
  }

  /** A copy whose executions wait for a slot of {@code queue} ({@code @Step(queue)}). */
  public StepSpec withQueue(QueueSpec queue) {
    return withOptions(options.withQueue(queue));
  }

  private StepSpec withOptions(StepOptions changed) {
    return new StepSpec(id, after, join, retry, when, unless, suspendable, changed);
  }
}
