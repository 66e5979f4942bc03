package dev.stepwise.processor.graph;

import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.model.ConditionModel;
import dev.stepwise.processor.model.JoinKind;
import dev.stepwise.processor.model.ParamKind;
import dev.stepwise.processor.model.ParamModel;
import dev.stepwise.processor.model.StepGraph;
import dev.stepwise.processor.model.StepModel;
import dev.stepwise.processor.model.WorkflowModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A @From reads only steps upstream of the reader: of the step itself, or for a condition, of every
 * step that uses it. @From adds no edge, so the message names the exact @After to write.
 */
final class UpstreamValidator implements GraphRule {
  @Override
  public void validate(WorkflowModel workflow, StepGraph graph, Diagnostics diag) {
    Map<String, StepModel> steps = workflow.stepsById();
    for (StepModel step : workflow.steps()) {
      for (ParamModel p : step.params()) {
        String source = p.kind() == ParamKind.FROM ? p.from().name() : null;
        if (source != null
            && steps.containsKey(source)
            && !graph.isUpstream(source, step.stepId())) {
          diag.error(
              p.element(),
              p.mirror(),
              p.from().value(),
              Messages.FROM_NOT_UPSTREAM,
              source,
              source,
              step.stepId(),
              afterWith(step, source),
              step.method().getSimpleName());
        }
      }
    }
    for (ConditionModel condition : workflow.conditions()) {
      checkCondition(workflow, condition, graph, steps, diag);
    }
  }

  private static void checkCondition(
      WorkflowModel workflow,
      ConditionModel condition,
      StepGraph graph,
      Map<String, StepModel> steps,
      Diagnostics diag) {
    for (ParamModel p : condition.params()) {
      if (p.kind() != ParamKind.FROM || !steps.containsKey(p.from().name())) {
        continue;
      }
      String source = p.from().name();
      // One error per parameter, naming the first user that cannot see the source.
      workflow.usersOf(condition.name()).stream()
          .filter(user -> !graph.isUpstream(source, user.stepId()))
          .findFirst()
          .ifPresent(
              user ->
                  diag.error(
                      p.element(),
                      p.mirror(),
                      p.from().value(),
                      Messages.CONDITION_FROM_NOT_UPSTREAM,
                      condition.name(),
                      source,
                      source,
                      user.stepId(),
                      afterWith(user, source),
                      user.method().getSimpleName()));
    }
  }

  /** The step's @After with {@code source} added, as the user should write it. */
  static String afterWith(StepModel step, String source) {
    List<String> ids = new ArrayList<>(step.afterIds());
    ids.add(source);
    String value =
        ids.size() == 1
            ? "\"" + source + "\""
            : ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", ", "{", "}"));
    return step.join() == JoinKind.ANY
        ? "@After(value = " + value + ", join = Join.ANY)"
        : "@After(" + value + ")";
  }
}
