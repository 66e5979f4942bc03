package dev.stepwise.processor.graph;

import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.model.ParamModel;
import dev.stepwise.processor.model.StepGraph;
import dev.stepwise.processor.model.StepModel;
import dev.stepwise.processor.model.StepOptionsModel;
import dev.stepwise.processor.model.WorkflowModel;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Types;

/**
 * Steps that wait for the same event agree on its payload type: the generated {@code sendName}
 * method takes one type.
 */
final class EventValidator implements GraphRule {
  private final Types types;

  EventValidator(Types types) {
    this.types = types;
  }

  @Override
  public void validate(WorkflowModel workflow, StepGraph graph, Diagnostics diag) {
    Map<String, StepModel> first = new HashMap<>();
    for (StepModel step : workflow.steps()) {
      StepOptionsModel options = step.options();
      if (!options.hasEvent()) {
        continue;
      }
      StepModel before = first.putIfAbsent(options.eventName().name(), step);
      if (before == null) {
        continue;
      }
      ParamModel mine = options.event();
      ParamModel theirs = before.options().event();
      if (mine.type().getKind() != TypeKind.ERROR
          && theirs.type().getKind() != TypeKind.ERROR
          && !types.isSameType(mine.type(), theirs.type())) {
        diag.error(
            mine.element(),
            mine.mirror(),
            null,
            Messages.EVENT_TYPES_DIFFER,
            options.eventName().name(),
            mine.name(),
            mine.type(),
            before.method().getSimpleName(),
            theirs.type(),
            theirs.type());
      }
    }
  }
}
