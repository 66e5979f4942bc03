package dev.stepwise.runtime.internal.progress;

import dev.stepwise.runtime.spi.StepFingerprint;
import dev.stepwise.runtime.spi.StepSpec;
import dev.stepwise.runtime.spi.WorkflowGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a run started under one graph version can go on under another, step by step:
 * every step the run has reached must exist in the new graph with the same fingerprint; steps it
 * has not reached may change freely, except that they must not become roots (roots start only with
 * a run, so one the run has not reached would never start). Pure.
 */
public final class GraphChanges {
  private GraphChanges() {}

  /**
   * Why the run cannot go on, naming the first offending step in the new graph's order (the run's
   * reached steps in id order, for removed ones), or empty if it can.
   *
   * @param started the step fingerprints of the version the run started with
   * @param deployed the new graph, with its fingerprints
   * @param reached the ids of the steps the run has rows for (without element or iteration
   *     suffixes)
   */
  public static Optional<String> refusal(
      Map<String, StepFingerprint> started, WorkflowGraph deployed, Set<String> reached) {
    for (String id : reached.stream().sorted().toList()) {
      if (deployed.step(id).isEmpty()) {
        return Optional.of("step \"" + id + "\", which the run has reached, was removed");
      }
    }
    for (StepSpec step : deployed.steps()) {
      String id = step.id();
      if (reached.contains(id)) {
        List<String> changes = changes(started.get(id), deployed.fingerprints().get(id));
        if (!changes.isEmpty()) {
          return Optional.of(
              "step \"" + id + "\", which the run has reached, " + String.join(" and ", changes));
        }
      } else if (step.isRoot()) {
        return Optional.of(
            "step \""
                + id
                + "\" is a root (no @After) that the run has not reached; roots start only with a"
                + " run");
      }
    }
    return Optional.empty();
  }

  /** What differs between two fingerprints of one step, in words; empty if nothing does. */
  static List<String> changes(StepFingerprint before, StepFingerprint after) {
    if (before == null || after == null) {
      return List.of(
          "has no fingerprint in " + (before == null ? "the old" : "the new") + " graph");
    }
    List<String> out = new ArrayList<>();
    if (!before.output().equals(after.output())) {
      out.add("changed its output type");
    }
    if (!before.inputs().equals(after.inputs())) {
      out.add("had its inputs rewired (other @Input/@From sources, paths or types)");
    }
    if (!before.predecessors().equals(after.predecessors())) {
      out.add("changed its predecessors (@After ids or join)");
    }
    if (!before.conditions().equals(after.conditions())) {
      out.add("changed its when/unless conditions");
    }
    if (!before.resume().equals(after.resume())) {
      out.add("changed whether it suspends or its @Resume type");
    }
    if (!before.options().equals(after.options())) {
      out.add("changed its loop, event or parallel options");
    }
    return out;
  }
}
