package dev.stepwise.processor.graph;

import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.diagnostics.Suggestions;
import dev.stepwise.processor.model.ConditionModel;
import dev.stepwise.processor.model.ParamKind;
import dev.stepwise.processor.model.ParamModel;
import dev.stepwise.processor.model.Ref;
import dev.stepwise.processor.model.StepGraph;
import dev.stepwise.processor.model.StepModel;
import dev.stepwise.processor.model.StepOptionsModel;
import dev.stepwise.processor.model.WorkflowModel;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A loop's condition exists, and what it reads with {@code @From} is the loop step itself (the
 * iteration just finished) or upstream of it. A loop is not also a fan-out.
 */
final class LoopValidator implements GraphRule {
  @Override
  public void validate(WorkflowModel workflow, StepGraph graph, Diagnostics diag) {
    Map<String, ConditionModel> conditions =
        workflow.conditions().stream()
            .collect(Collectors.toMap(ConditionModel::name, c -> c, (a, b) -> a));
    Map<String, StepModel> steps = workflow.stepsById();
    for (StepModel step : workflow.steps()) {
      StepOptionsModel options = step.options();
      if (!options.isLoop()) {
        continue;
      }
      if (options.isParallel()) {
        diag.error(
            step.method(),
            step.mirror(),
            options.loopCondition().value(),
            Messages.LOOP_PARALLEL,
            step.method().getSimpleName());
      }
      Ref ref = options.loopCondition();
      ConditionModel condition = conditions.get(ref.name());
      if (condition == null) {
        diag.error(
            step.method(),
            step.mirror(),
            ref.value(),
            Messages.CONDITION_UNKNOWN,
            options.loopAttribute(),
            ref.name(),
            ref.name(),
            Suggestions.hint(ref.name(), conditions.keySet()));
        continue;
      }
      for (ParamModel p : condition.params()) {
        if (p.kind() != ParamKind.FROM || !steps.containsKey(p.from().name())) {
          continue;
        }
        String source = p.from().name();
        if (!source.equals(step.stepId()) && !graph.isUpstream(source, step.stepId())) {
          diag.error(
              p.element(),
              p.mirror(),
              p.from().value(),
              Messages.CONDITION_FROM_NOT_UPSTREAM,
              condition.name(),
              source,
              source,
              step.stepId(),
              UpstreamValidator.afterWith(step, source),
              step.method().getSimpleName());
        }
      }
    }
  }
}
