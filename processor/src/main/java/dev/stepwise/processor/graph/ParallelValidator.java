package dev.stepwise.processor.graph;

import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.diagnostics.Suggestions;
import dev.stepwise.processor.model.ParamKind;
import dev.stepwise.processor.model.ParamModel;
import dev.stepwise.processor.model.Ref;
import dev.stepwise.processor.model.StepGraph;
import dev.stepwise.processor.model.StepModel;
import dev.stepwise.processor.model.StepOptionsModel;
import dev.stepwise.processor.model.WorkflowModel;
import dev.stepwise.processor.util.Mirrors;
import java.util.List;
import java.util.Map;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * {@code @Parallel(over)} names an upstream step that outputs a {@code List}, and the step has
 * exactly one {@code @Item} parameter of the list's element type; {@code @Item} appears only on
 * {@code @Parallel} steps.
 */
final class ParallelValidator implements GraphRule {
  private final Types types;

  ParallelValidator(Types types) {
    this.types = types;
  }

  @Override
  public void validate(WorkflowModel workflow, StepGraph graph, Diagnostics diag) {
    Map<String, StepModel> steps = workflow.stepsById();
    for (StepModel step : workflow.steps()) {
      List<ParamModel> items =
          step.params().stream().filter(p -> p.kind() == ParamKind.ITEM).toList();
      StepOptionsModel options = step.options();
      if (!options.isParallel()) {
        items.forEach(
            p ->
                diag.error(
                    p.element(),
                    p.mirror(),
                    null,
                    Messages.ITEM_WITHOUT_PARALLEL,
                    p.name(),
                    step.method().getSimpleName()));
        continue;
      }
      check(step, items, steps, graph, diag);
    }
  }

  private void check(
      StepModel step,
      List<ParamModel> items,
      Map<String, StepModel> steps,
      StepGraph graph,
      Diagnostics diag) {
    StepOptionsModel options = step.options();
    Ref over = options.parallelOver();
    step.resume()
        .ifPresent(
            r ->
                diag.error(
                    r.element(),
                    r.mirror(),
                    null,
                    Messages.PARALLEL_SUSPENDABLE,
                    step.method().getSimpleName()));
    StepModel source = steps.get(over.name());
    if (source == null) {
      diag.error(
          step.method(),
          options.parallelMirror(),
          over.value(),
          Messages.PARALLEL_UNKNOWN_STEP,
          over.name(),
          over.name(),
          Suggestions.hint(over.name(), steps.keySet()));
      return;
    }
    if (!graph.isUpstream(over.name(), step.stepId())) {
      diag.error(
          step.method(),
          options.parallelMirror(),
          over.value(),
          Messages.PARALLEL_NOT_UPSTREAM,
          over.name(),
          over.name(),
          step.stepId(),
          UpstreamValidator.afterWith(step, over.name()),
          step.method().getSimpleName());
    }
    TypeMirror element = elementType(source.output());
    if (element == null) {
      if (source.output().getKind() != TypeKind.ERROR) {
        diag.error(
            step.method(),
            options.parallelMirror(),
            over.value(),
            Messages.PARALLEL_NOT_A_LIST,
            over.name(),
            over.name(),
            source.output());
      }
      return;
    }
    if (items.isEmpty()) {
      diag.error(
          step.method(),
          options.parallelMirror(),
          null,
          Messages.PARALLEL_NO_ITEM,
          step.method().getSimpleName(),
          element);
      return;
    }
    for (ParamModel extra : items.subList(1, items.size())) {
      diag.error(
          extra.element(),
          extra.mirror(),
          null,
          Messages.PARALLEL_TWO_ITEMS,
          step.method().getSimpleName(),
          items.get(0).name(),
          extra.name());
    }
    ParamModel item = items.get(0);
    TypeMirror wanted = item.type();
    if (wanted.getKind() != TypeKind.ERROR
        && element.getKind() != TypeKind.ERROR
        && !types.isAssignable(element, wanted)) {
      diag.error(
          item.element(),
          item.mirror(),
          null,
          Messages.ITEM_TYPE_MISMATCH,
          item.name(),
          wanted,
          over.name(),
          element,
          element);
    }
  }

  /** E for a {@code java.util.List<E>}, else null. */
  private static TypeMirror elementType(TypeMirror type) {
    if (!Mirrors.isNamed(type, "java.util.List")) {
      return null;
    }
    List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
    return args.size() == 1 ? args.get(0) : null;
  }
}
