package dev.stepwise.processor.graph;

import com.palantir.javapoet.TypeName;
import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.model.ParamKind;
import dev.stepwise.processor.model.ParamModel;
import dev.stepwise.processor.model.StepGraph;
import dev.stepwise.processor.model.StepModel;
import dev.stepwise.processor.model.WorkflowModel;
import dev.stepwise.processor.util.Mirrors;
import java.util.List;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * {@code @Previous} appears only on a loop step, at most once, as {@code Optional} of the step's
 * own output type: the engine hands it the stored output of the iteration before, decoded as that
 * output, so any other type would fail only at run time.
 */
final class PreviousValidator implements GraphRule {
  private final Types types;
  private final Elements elements;

  PreviousValidator(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  @Override
  public void validate(WorkflowModel workflow, StepGraph graph, Diagnostics diag) {
    for (StepModel step : workflow.steps()) {
      List<ParamModel> previous =
          step.params().stream().filter(p -> p.kind() == ParamKind.PREVIOUS).toList();
      if (previous.isEmpty()) {
        continue;
      }
      if (!declaresLoop(step)) {
        previous.forEach(
            p ->
                diag.error(
                    p.element(),
                    p.mirror(),
                    null,
                    Messages.PREVIOUS_WITHOUT_LOOP,
                    p.name(),
                    step.method().getSimpleName(),
                    step.method().getSimpleName()));
        continue;
      }
      for (ParamModel extra : previous.subList(1, previous.size())) {
        diag.error(
            extra.element(),
            extra.mirror(),
            null,
            Messages.PREVIOUS_TWICE,
            step.method().getSimpleName(),
            previous.get(0).name(),
            extra.name());
      }
      checkType(step, previous.get(0), diag);
    }
  }

  /**
   * Whether the step names a loop condition, valid or not: a loop missing its maxIterations has no
   * loop in the model, but its own error says what to fix, so it is not also "not a loop".
   */
  private static boolean declaresLoop(StepModel step) {
    return step.options().isLoop()
        || Mirrors.explicitValue(step.mirror(), "repeatUntil") != null
        || Mirrors.explicitValue(step.mirror(), "repeatWhile") != null;
  }

  private void checkType(StepModel step, ParamModel p, Diagnostics diag) {
    TypeMirror output = boxed(step.output());
    if (output.getKind() == TypeKind.ERROR || p.type().getKind() == TypeKind.ERROR) {
      return; // javac reports the unresolved type itself
    }
    if (p.optionalOf() == null || !types.isSameType(p.optionalOf(), output)) {
      // TypeName prints java.lang.Integer for a boxed int, as the user writes it.
      diag.error(
          p.element(),
          p.mirror(),
          null,
          Messages.PREVIOUS_TYPE,
          p.name(),
          p.type(),
          TypeName.get(output));
    }
  }

  /** Optional holds no primitive: an {@code int} step's iterations are read as Integer. */
  private TypeMirror boxed(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return types.boxedClass((PrimitiveType) type).asType();
    }
    if (type.getKind() == TypeKind.VOID) {
      return elements.getTypeElement("java.lang.Void").asType(); // as the generated code reads it
    }
    return type;
  }
}
