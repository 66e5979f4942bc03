package dev.stepwise.runtime.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The step graph of a workflow, as data.
 *
 * @param name the workflow's name ({@code @Workflow(name)})
 * @param version a hash of the graph's shape; a run records the version it started with
 * @param steps every step, in declaration order
 * @param resultStep the step whose output is the workflow's output, or null
 * @param mermaid the graph as a Mermaid flowchart
 * @param fingerprints step id to {@link StepFingerprint}, for every step; empty when unknown (a
 *     definition written by hand), in which case a run started under another version fails
 */
public record WorkflowGraph(
    String name,
    String version,
    List<StepSpec> steps,
    String resultStep,
    String mermaid,
    Map<String, StepFingerprint> fingerprints) {

  public WorkflowGraph {
    steps = List.copyOf(steps);
    fingerprints = fingerprints == null ? Map.of() : Map.copyOf(fingerprints);
  }

  /** A graph without step fingerprints: runs of other versions of it are never carried over. */
  public WorkflowGraph(
      String name, String version, List<StepSpec> steps, String resultStep, String mermaid) {
    this(name, version, steps, resultStep, mermaid, Map.of());
  }

  /** A copy with these step fingerprints. */
  public WorkflowGraph withFingerprints(Map<String, StepFingerprint> stepFingerprints) {
    return new WorkflowGraph(name, version, steps, resultStep, mermaid, stepFingerprints);
  }

  /** The step with this id. */
  public Optional<StepSpec> step(String id) {
    return steps.stream().filter(s -> s.id().equals(id)).findFirst();
  }
}
