package dev.stepwise.processor.write;

import dev.stepwise.processor.model.JoinKind;
import dev.stepwise.processor.model.StepGraph;
import dev.stepwise.processor.model.StepModel;
import dev.stepwise.processor.model.WorkflowModel;
import java.util.Set;

/**
 * Renders the graph as a Mermaid flowchart: one node per step, a solid arrow per @After edge, a
 * dotted arrow into a join ANY, and the condition in the label of a conditional step.
 */
final class MermaidRenderer {
  /** Words Mermaid reads as syntax; a step with such an id gets a node id with a suffix. */
  private static final Set<String> KEYWORDS =
      Set.of(
          "end",
          "graph",
          "flowchart",
          "subgraph",
          "style",
          "class",
          "classDef",
          "click",
          "linkStyle",
          "direction");

  private MermaidRenderer() {}

  static String render(WorkflowModel workflow, StepGraph graph) {
    StringBuilder out = new StringBuilder("flowchart TD\n");
    for (StepModel step : workflow.stepsById().values()) {
      out.append("  ").append(node(step.stepId())).append("[\"").append(step.stepId());
      if (step.when() != null) {
        out.append("<br/>when ").append(step.when().name());
      }
      if (step.unless() != null) {
        out.append("<br/>unless ").append(step.unless().name());
      }
      out.append("\"]\n");
    }
    for (StepModel step : workflow.stepsById().values()) {
      String arrow = step.join() == JoinKind.ANY ? " -.-> " : " --> ";
      for (String before : graph.predecessors(step.stepId())) {
        out.append("  ")
            .append(node(before))
            .append(arrow)
            .append(node(step.stepId()))
            .append('\n');
      }
    }
    return out.toString();
  }

  private static String node(String stepId) {
    return KEYWORDS.contains(stepId) ? stepId + "_" : stepId;
  }
}
