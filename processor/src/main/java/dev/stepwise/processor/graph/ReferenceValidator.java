package dev.stepwise.processor.graph;

import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.diagnostics.Suggestions;
import dev.stepwise.processor.model.ConditionModel;
import dev.stepwise.processor.model.ParamKind;
import dev.stepwise.processor.model.Ref;
import dev.stepwise.processor.model.StepGraph;
import dev.stepwise.processor.model.StepModel;
import dev.stepwise.processor.model.WorkflowModel;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Every name written in an annotation refers to something that exists, once: @After and @From step
 * ids, when/unless conditions and the result step.
 */
final class ReferenceValidator implements GraphRule {
  @Override
  public void validate(WorkflowModel workflow, StepGraph graph, Diagnostics diag) {
    Map<String, StepModel> steps = workflow.stepsById();
    Map<String, ConditionModel> conditions = workflow.conditionsByName();
    for (StepModel step : workflow.steps()) {
      Set<String> seen = new HashSet<>();
      for (Ref after : step.after()) {
        if (!seen.add(after.name())) {
          diag.error(
              step.method(),
              step.afterMirror(),
              after.value(),
              Messages.AFTER_DUPLICATE,
              after.name());
        } else if (!steps.containsKey(after.name())) {
          diag.error(
              step.method(),
              step.afterMirror(),
              after.value(),
              Messages.AFTER_UNKNOWN_STEP,
              after.name(),
              Suggestions.hint(after.name(), steps.keySet()));
        }
      }
      checkCondition(step, step.when(), "when", conditions, diag);
      checkCondition(step, step.unless(), "unless", conditions, diag);
    }
    workflow
        .allParams()
        .filter(p -> p.kind() == ParamKind.FROM && !steps.containsKey(p.from().name()))
        .forEach(
            p ->
                diag.error(
                    p.element(),
                    p.mirror(),
                    p.from().value(),
                    Messages.FROM_UNKNOWN_STEP,
                    p.from().name(),
                    Suggestions.hint(p.from().name(), steps.keySet())));
    checkResult(workflow, steps, diag);
  }

  private static void checkCondition(
      StepModel step,
      Ref condition,
      String attribute,
      Map<String, ConditionModel> conditions,
      Diagnostics diag) {
    if (condition != null && !conditions.containsKey(condition.name())) {
      diag.error(
          step.method(),
          step.mirror(),
          condition.value(),
          Messages.CONDITION_UNKNOWN,
          attribute,
          condition.name(),
          condition.name(),
          Suggestions.hint(condition.name(), conditions.keySet()));
    }
  }

  private static void checkResult(
      WorkflowModel workflow, Map<String, StepModel> steps, Diagnostics diag) {
    Ref result = workflow.result();
    if (result == null) {
      return;
    }
    StepModel step = steps.get(result.name());
    if (step == null) {
      diag.error(
          workflow.type(),
          workflow.mirror(),
          result.value(),
          Messages.RESULT_UNKNOWN,
          result.name(),
          Suggestions.hint(result.name(), steps.keySet()));
    } else if (step.isVoid()) {
      diag.error(
          workflow.type(), workflow.mirror(), result.value(), Messages.RESULT_VOID, result.name());
    }
  }
}
