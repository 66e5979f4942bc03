package dev.stepwise.processor.graph;

import com.palantir.javapoet.TypeName;
import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.model.ParamKind;
import dev.stepwise.processor.model.StepGraph;
import dev.stepwise.processor.model.StepModel;
import dev.stepwise.processor.model.WorkflowModel;
import java.util.Map;
import java.util.Optional;

/**
 * A @From whose source step can be SKIPPED is declared {@code Optional<T>}: a skipped step has no
 * output, and a plain parameter would receive null without the compiler noticing.
 */
final class SkippableSourceValidator implements GraphRule {
  @Override
  public void validate(WorkflowModel workflow, StepGraph graph, Diagnostics diag) {
    Map<String, StepModel> steps = workflow.stepsById();
    workflow
        .allParams()
        .filter(p -> p.kind() == ParamKind.FROM && !p.isOptional())
        .filter(p -> steps.containsKey(p.from().name()) && !steps.get(p.from().name()).isVoid())
        .forEach(
            p -> {
              Optional<String> reason = graph.skipReason(p.from().name());
              if (reason.isPresent()) {
                // Boxed: Optional<int> is not a type the user could write.
                String type = TypeName.get(p.type()).box().toString();
                diag.error(
                    p.element(),
                    p.mirror(),
                    null,
                    Messages.FROM_SKIPPABLE_NOT_OPTIONAL,
                    p.from().name(),
                    p.name(),
                    type,
                    p.from().name(),
                    reason.get(),
                    type);
              }
            });
  }
}
