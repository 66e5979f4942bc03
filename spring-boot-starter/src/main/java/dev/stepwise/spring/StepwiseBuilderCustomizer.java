package dev.stepwise.spring;

import dev.stepwise.runtime.Stepwise;

/**
 * Adjusts the engine's builder after the {@code stepwise.*} properties were applied: declare beans
 * of this type for settings that properties cannot express.
 */
@FunctionalInterface
public interface StepwiseBuilderCustomizer {
  void customize(Stepwise.Builder builder);
}
