package dev.stepwise.processor.graph;

import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.model.ParamKind;
import dev.stepwise.processor.model.ParamModel;
import dev.stepwise.processor.model.StepGraph;
import dev.stepwise.processor.model.WorkflowModel;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.Types;

/** Every @Input in a workflow has one type: the workflow's input type, the first one declared. */
final class InputTypeValidator implements GraphRule {
  private final Types types;

  InputTypeValidator(Types types) {
    this.types = types;
  }

  @Override
  public void validate(WorkflowModel workflow, StepGraph graph, Diagnostics diag) {
    List<ParamModel> inputs =
        workflow.allParams().filter(p -> p.kind() == ParamKind.INPUT).toList();
    if (inputs.isEmpty()) {
      return;
    }
    ParamModel first = inputs.get(0);
    for (ParamModel p : inputs.subList(1, inputs.size())) {
      if (!types.isSameType(p.type(), first.type())) {
        diag.error(
            p.element(),
            p.mirror(),
            null,
            Messages.INPUT_TYPES_DIFFER,
            p.name(),
            p.type(),
            first.type(),
            ((ExecutableElement) first.element().getEnclosingElement()).getSimpleName(),
            first.type());
      }
    }
  }
}
