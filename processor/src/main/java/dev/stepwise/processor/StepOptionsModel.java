package dev.stepwise.processor;

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
 */
record StepOptionsModel(
    long delayMillis,
    long timeoutMillis,
    AnnotationMirror parallelMirror,
    Ref parallelOver,
    int maxConcurrency,
    Ref loopCondition,
    boolean loopUntil,
    int maxIterations) {

  boolean isLoop() {
    return loopCondition != null;
  }

  /** The attribute that names the loop's condition. */
  String loopAttribute() {
    return loopUntil ? "repeatUntil" : "repeatWhile";
  }

  boolean isParallel() {
    return parallelOver != null;
  }
}
