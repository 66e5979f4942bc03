package dev.stepwise.processor.graph;

import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.model.ParamModel;
import dev.stepwise.processor.model.StepGraph;
import dev.stepwise.processor.model.WorkflowModel;
import dev.stepwise.processor.util.Mirrors;
import java.util.Optional;
import javax.lang.model.type.TypeKind;

/**
 * A scheduled workflow takes the tick's time as its input, so its {@code @Input}, if it has one, is
 * a {@code java.time.Instant}. A workflow without {@code @Input} ignores the tick's time.
 */
final class ScheduleInputValidator implements GraphRule {

  @Override
  public void validate(WorkflowModel workflow, StepGraph graph, Diagnostics diag) {
    if (workflow.flow().schedules().isEmpty()) {
      return;
    }
    Optional<ParamModel> input = workflow.input();
    if (input.isEmpty()
        || input.get().type().getKind() == TypeKind.ERROR
        || Mirrors.isNamed(input.get().type(), "java.time.Instant")) {
      return;
    }
    ParamModel p = input.get();
    // On the first @Schedule: it is what makes Instant the input type.
    diag.error(
        workflow.type(),
        workflow.flow().schedules().get(0).mirror(),
        null,
        Messages.SCHEDULE_INPUT,
        workflow.type().getSimpleName(),
        p.type(),
        p.element().getEnclosingElement().getSimpleName());
  }
}
