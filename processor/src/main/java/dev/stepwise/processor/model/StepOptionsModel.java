package dev.stepwise.processor.model;

import javax.lang.model.element.AnnotationMirror;

/**
 * What a step declares beyond edges, conditions and retries; each maps to a {@code
 * StepSpec.withXxx} call in the generated graph.
 *
 * @param delayMillis the durable timer of {@code @After(delay)}, or 0 for none
 * @param timeoutMillis the deadline of {@code @Step(timeout)}, or 0 for none
 * @param parallelMirror the step's {@code @Parallel}, or null
 * @param parallelOver the step {@code @Parallel(over)} names, or null
 * @param maxConcurrency {@code @Parallel(maxConcurrency)}; 0 for no limit
 * @param loopCondition the condition of {@code repeatUntil} or {@code repeatWhile}, or null
 * @param loopUntil true for {@code repeatUntil}, false for {@code repeatWhile}
 * @param maxIterations the loop's bound; 0 for a step that is not a loop
 * @param event the {@code @Event} parameter, or null
 * @param eventName the event's name, with its written value
 * @param eventTimeoutMillis how long the step waits for the event; 0 for no limit
 * @param skipOnEventTimeout whether a timeout skips (true) or fails (false) the step
 * @param transactional {@code @Step(transactional = true)}
 * @param queue the step's own queue ({@code @Step(queue)}), or null: see {@link
 *     WorkflowModel#queueOf}
 */
public record StepOptionsModel(
    long delayMillis,
    long timeoutMillis,
    AnnotationMirror parallelMirror,
    Ref parallelOver,
    int maxConcurrency,
    Ref loopCondition,
    boolean loopUntil,
    int maxIterations,
    ParamModel event,
    Ref eventName,
    long eventTimeoutMillis,
    boolean skipOnEventTimeout,
    boolean transactional,
    QueueModel queue) {

  public boolean hasEvent() {
    return event != null;
  }

  public boolean isLoop() {
    return loopCondition != null;
  }

  /** The attribute that names the loop's condition. */
  public String loopAttribute() {
    return loopUntil ? "repeatUntil" : "repeatWhile";
  }

  public boolean isParallel() {
    return parallelOver != null;
  }
}
