package dev.stepwise.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to fork a run: from which step the new run runs again, and optionally with another input or
 * other outputs for steps before that one (to try "what if this step had returned that").
 *
 * @param fromStep the first step the new run executes; it and every step after it run again, the
 *     steps before it are copied with their outputs
 * @param input the new run's input, or null for the source run's
 * @param outputs replaced outputs of steps before {@code fromStep}, by step id
 * @param runId the new run's id, or null for a generated one
 */
public record ForkOptions(
    String fromStep, Object input, Map<String, Object> outputs, String runId) {

  public ForkOptions {
    Objects.requireNonNull(fromStep, "fromStep");
    outputs = Map.copyOf(outputs == null ? Map.of() : outputs);
  }

  /** A fork that runs {@code stepId} and everything after it again. */
  public static ForkOptions from(String stepId) {
    return new ForkOptions(stepId, null, Map.of(), null);
  }

  /** A copy with this input for the new run. */
  public ForkOptions withInput(Object newInput) {
    return new ForkOptions(fromStep, newInput, outputs, runId);
  }

  /** A copy where step {@code stepId} (before the fork point) returned {@code output}. */
  public ForkOptions withOutput(String stepId, Object output) {
    Map<String, Object> changed = new HashMap<>(outputs);
    changed.put(stepId, output);
    return new ForkOptions(fromStep, input, changed, runId);
  }

  /** A copy whose new run has this id. */
  public ForkOptions runId(String id) {
    return new ForkOptions(fromStep, input, outputs, id);
  }
}
