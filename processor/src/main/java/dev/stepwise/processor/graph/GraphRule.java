package dev.stepwise.processor.graph;

import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.model.StepGraph;
import dev.stepwise.processor.model.WorkflowModel;

/** One rule over a workflow's whole graph; reports each violation once and never throws. */
interface GraphRule {
  void validate(WorkflowModel workflow, StepGraph graph, Diagnostics diag);
}
