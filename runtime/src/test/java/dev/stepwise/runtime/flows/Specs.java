package dev.stepwise.runtime.flows;

import dev.stepwise.Join;
import dev.stepwise.runtime.spi.RetryPolicy;
import dev.stepwise.runtime.spi.StepSpec;
import java.util.List;

/** Terse {@link StepSpec}s for the hand-written definitions. */
final class Specs {
  private Specs() {}

  static StepSpec step(String id, String... after) {
    return new StepSpec(id, List.of(after), Join.ALL, RetryPolicy.NONE, null, null, false);
  }

  static StepSpec any(String id, String... after) {
    return new StepSpec(id, List.of(after), Join.ANY, RetryPolicy.NONE, null, null, false);
  }

  static StepSpec when(String id, String condition, String... after) {
    return new StepSpec(id, List.of(after), Join.ALL, RetryPolicy.NONE, condition, null, false);
  }

  static StepSpec unless(String id, String condition, String... after) {
    return new StepSpec(id, List.of(after), Join.ALL, RetryPolicy.NONE, null, condition, false);
  }

  static StepSpec retrying(String id, RetryPolicy policy, String... after) {
    return new StepSpec(id, List.of(after), Join.ALL, policy, null, null, false);
  }

  static StepSpec suspendable(String id, String... after) {
    return new StepSpec(id, List.of(after), Join.ALL, RetryPolicy.NONE, null, null, true);
  }
}
