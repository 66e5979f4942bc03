package dev.stepwise.runtime.spi;

import java.util.Objects;

/**
 * What a run's stored state of one step depends on, as one short hash per aspect, computed at
 * compile time. Two versions of a workflow whose step has equal fingerprints agree on everything
 * that step's rows mean, so a run that reached the step under one version can go on under the
 * other. Each aspect is compared on its own so that a refusal can say what changed.
 *
 * @param output the step's output type (and whether it fans out to a list)
 * @param inputs where its parameters come from (input, upstream step and path) and their types
 * @param predecessors its {@code @After} ids and join kind
 * @param conditions the names of its {@code when} and {@code unless} conditions
 * @param resume whether it suspends, and the type of its {@code @Resume} payload
 * @param options its loop, event and parallel options
 */
public record StepFingerprint(
    String output,
    String inputs,
    String predecessors,
    String conditions,
    String resume,
    String options) {

  public StepFingerprint {
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(predecessors, "predecessors");
    Objects.requireNonNull(conditions, "conditions");
    Objects.requireNonNull(resume, "resume");
    Objects.requireNonNull(options, "options");
  }
}
