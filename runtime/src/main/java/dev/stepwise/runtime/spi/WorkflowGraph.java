package dev.stepwise.runtime.spi;

import java.util.List;
import java.util.Optional;

/**
 * The step graph of a workflow, as data.
 *
 * @param name the workflow's name ({@code @Workflow(name)})
 * @param version a hash of the graph's shape; a run records the version it started with
 * @param steps every step, in declaration order
 * @param resultStep the step whose output is the workflow's output, or null
 * @param mermaid the graph as a Mermaid flowchart
 */
public record WorkflowGraph(
    String name, String version, List<StepSpec> steps, String resultStep, String mermaid) {

  public WorkflowGraph {
    steps = List.copyOf(steps);
  }

  /** The step with this id. */
  public Optional<StepSpec> step(String id) {
    return steps.stream().filter(s -> s.id().equals(id)).findFirst();
  }
}
