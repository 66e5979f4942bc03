package dev.stepwise.processor.graph;

import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.model.QueueModel;
import dev.stepwise.processor.model.StepGraph;
import dev.stepwise.processor.model.StepModel;
import dev.stepwise.processor.model.WorkflowModel;
import dev.stepwise.processor.util.Mirrors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * A queue that limits per key ({@code @Queue(perKey)}) is only used by workflows that declare a
 * {@code concurrencyKey}: without one, the limit could never apply to their steps.
 */
final class QueuePerKeyValidator implements GraphRule {

  @Override
  public void validate(WorkflowModel workflow, StepGraph graph, Diagnostics diag) {
    if (workflow.flow().concurrencyKey() != null) {
      return;
    }
    // Each use is reported where it is written: the workflow's default, then each step's own.
    check(workflow, workflow.type(), workflow.mirror(), workflow.flow().queue(), diag);
    for (StepModel step : workflow.steps()) {
      check(workflow, step.method(), step.mirror(), step.options().queue(), diag);
    }
  }

  private static void check(
      WorkflowModel workflow,
      Element element,
      AnnotationMirror mirror,
      QueueModel queue,
      Diagnostics diag) {
    if (queue == null || queue.perKey() == 0) {
      return;
    }
    diag.error(
        element,
        mirror,
        Mirrors.explicitValue(mirror, "queue"),
        Messages.QUEUE_PER_KEY_WITHOUT_KEY,
        queue.name(),
        queue.qualifiedName(),
        queue.perKey(),
        workflow.type().getSimpleName());
  }
}
