package dev.stepwise.processor;

/**
 * What a step declares beyond edges, conditions and retries; each maps to a {@code
 * StepSpec.withXxx} call in the generated graph.
 *
 * @param delayMillis the durable timer of {@code @After(delay)}, or 0 for none
 * @param timeoutMillis the deadline of {@code @Step(timeout)}, or 0 for none
 */
record StepOptionsModel(long delayMillis, long timeoutMillis) {
  static final StepOptionsModel NONE = new StepOptionsModel(0, 0);
}
