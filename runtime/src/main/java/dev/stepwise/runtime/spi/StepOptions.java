package dev.stepwise.runtime.spi;

import java.time.Duration;

/**
 * The optional behaviour of a step beyond edges, conditions and retries. Generated code sets only
 * what a step declares, through the {@code StepSpec.withXxx} methods; a step that declares none has
 * {@link #NONE}.
 *
 * @param delay a durable timer before the step runs ({@code @After(delay)}), or null
 * @param timeout the deadline of each execution ({@code @Step(timeout)}), or null
 * @param parallelOver the step whose list output this step fans out over ({@code @Parallel}), or
 *     null
 * @param maxConcurrency how many elements of a fan-out run at once; 0 for no limit
 * @param loopCondition the {@code @Condition} of a loop ({@code repeatUntil}/{@code repeatWhile}),
 *     or null
 * @param loopUntil true: repeat until the condition holds; false: repeat while it holds
 * @param maxIterations the most iterations a loop runs; 0 for a step that is not a loop
 * @param event the name of the event the step waits for ({@code @Event}), or null
 * @param eventTimeout how long it waits for that event once reached, or null for no limit
 * @param skipOnEventTimeout true: a timeout skips the step; false: it fails the step
 * @param transactional whether the step runs in the transaction that records its result
 * @param queue the queue each execution waits for ({@code @Step(queue)} or the workflow's), or null
 */
public record StepOptions(
    Duration delay,
    Duration timeout,
    String parallelOver,
    int maxConcurrency,
    String loopCondition,
    boolean loopUntil,
    int maxIterations,
    String event,
    Duration eventTimeout,
    boolean skipOnEventTimeout,
    boolean transactional,
    QueueSpec queue) {

  /** No option set. */
  public static final StepOptions NONE =
      new StepOptions(null, null, null, 0, null, true, 0, null, null, false, false, null);

  public StepOptions {
    requirePositive(delay, "delay");
    requirePositive(timeout, "timeout");
    requirePositive(eventTimeout, "eventTimeout");
    if (loopCondition != null && maxIterations < 1) {
      throw new IllegalArgumentException("a loop needs maxIterations >= 1, was " + maxIterations);
    }
    if (maxConcurrency < 0) {
      throw new IllegalArgumentException("maxConcurrency must not be negative: " + maxConcurrency);
    }
  }

  /** A copy with this delay. */
  public StepOptions withDelay(Duration delay) {
    return new StepOptions(
        delay,
        timeout,
        parallelOver,
        maxConcurrency,
        loopCondition,
        loopUntil,
        maxIterations,
        event,
        eventTimeout,
        skipOnEventTimeout,
        transactional,
        queue);
  }

  /** A copy with this timeout. */
  public StepOptions withTimeout(Duration timeout) {
    return new StepOptions(
        delay,
        timeout,
        parallelOver,
        maxConcurrency,
        loopCondition,
        loopUntil,
        maxIterations,
        event,
        eventTimeout,
        skipOnEventTimeout,
        transactional,
        queue);
  }

  /** A copy that fans out over the list {@code over} produced. */
  public StepOptions withParallel(String over, int maxConcurrency) {
    return new StepOptions(
        delay,
        timeout,
        over,
        maxConcurrency,
        loopCondition,
        loopUntil,
        maxIterations,
        event,
        eventTimeout,
        skipOnEventTimeout,
        transactional,
        queue);
  }

  /** A copy that loops on {@code condition}: until it holds, or while it holds. */
  public StepOptions withLoop(String condition, boolean until, int maxIterations) {
    return new StepOptions(
        delay,
        timeout,
        parallelOver,
        maxConcurrency,
        condition,
        until,
        maxIterations,
        event,
        eventTimeout,
        skipOnEventTimeout,
        transactional,
        queue);
  }

  /** A copy that waits for event {@code name}, at most {@code waitLimit} (null: no limit). */
  public StepOptions withEvent(String name, Duration waitLimit, boolean skipOnTimeout) {
    return new StepOptions(
        delay,
        timeout,
        parallelOver,
        maxConcurrency,
        loopCondition,
        loopUntil,
        maxIterations,
        name,
        waitLimit,
        skipOnTimeout,
        transactional,
        queue);
  }

  /** A copy that runs in the transaction that records its result. */
  public StepOptions withTransactional() {
    return new StepOptions(
        delay,
        timeout,
        parallelOver,
        maxConcurrency,
        loopCondition,
        loopUntil,
        maxIterations,
        event,
        eventTimeout,
        skipOnEventTimeout,
        true,
        queue);
  }

  /** A copy whose executions wait for a slot of {@code queue}. */
  public StepOptions withQueue(QueueSpec queue) {
    return new StepOptions(
        delay,
        timeout,
        parallelOver,
        maxConcurrency,
        loopCondition,
        loopUntil,
        maxIterations,
        event,
        eventTimeout,
        skipOnEventTimeout,
        transactional,
        queue);
  }

  /** True for a step that waits for an event. */
  public boolean hasEvent() {
    return event != null;
  }

  /** True for a loop step. */
  public boolean isLoop() {
    return loopCondition != null;
  }

  /** True for a {@code @Parallel} step. */
  public boolean isParallel() {
    return parallelOver != null;
  }

  private static void requirePositive(Duration d, String what) {
    if (d != null && (d.isNegative() || d.isZero())) {
      throw new IllegalArgumentException(what + " must be positive, was " + d);
    }
  }
}
