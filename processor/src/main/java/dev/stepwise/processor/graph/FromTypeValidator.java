package dev.stepwise.processor.graph;

import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.model.ParamKind;
import dev.stepwise.processor.model.ParamModel;
import dev.stepwise.processor.model.StepGraph;
import dev.stepwise.processor.model.StepModel;
import dev.stepwise.processor.model.WorkflowModel;
import dev.stepwise.processor.shape.PathResolver;
import java.util.Map;
import javax.lang.model.element.PackageElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * A @From parameter can hold what it reads: the source returns a value, the path resolves, and the
 * value is assignable to the parameter (boxing allowed; T for an {@code Optional<T>} parameter).
 */
final class FromTypeValidator implements GraphRule {
  private final Types types;
  private final Elements elements;
  private final PathResolver paths;

  FromTypeValidator(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
    this.paths = new PathResolver(elements, types);
  }

  @Override
  public void validate(WorkflowModel workflow, StepGraph graph, Diagnostics diag) {
    Map<String, StepModel> steps = workflow.stepsById();
    PackageElement pkg = elements.getPackageOf(workflow.type());
    workflow
        .allParams()
        .filter(p -> p.kind() == ParamKind.FROM && steps.containsKey(p.from().name()))
        .forEach(p -> check(p, steps.get(p.from().name()), pkg, diag));
  }

  private void check(ParamModel p, StepModel source, PackageElement pkg, Diagnostics diag) {
    if (source.isVoid()) {
      diag.error(
          p.element(),
          p.mirror(),
          p.from().value(),
          Messages.FROM_VOID,
          source.stepId(),
          source.stepId(),
          source.method().getSimpleName());
      return;
    }
    TypeMirror produced = source.output();
    if (!p.path().isEmpty()) {
      PathResolver.Resolution resolution = paths.resolve(produced, p.path(), pkg);
      if (resolution.failed()) {
        diag.error(p.element(), p.mirror(), p.pathValue(), resolution.error(), resolution.args());
        return;
      }
      produced = resolution.type();
    }
    TypeMirror wanted = p.valueType();
    // Unresolved types are javac's to report; comparing them would only add noise.
    if (produced.getKind() == TypeKind.ERROR || wanted.getKind() == TypeKind.ERROR) {
      return;
    }
    if (types.isAssignable(produced, wanted)) {
      return;
    }
    String fix = p.isOptional() ? "Optional<" + boxed(produced) + ">" : produced.toString();
    if (p.path().isEmpty()) {
      diag.error(
          p.element(),
          p.mirror(),
          null,
          Messages.FROM_TYPE_MISMATCH,
          source.stepId(),
          p.name(),
          p.type(),
          source.stepId(),
          produced,
          fix);
    } else {
      diag.error(
          p.element(),
          p.mirror(),
          null,
          Messages.FROM_PATH_TYPE_MISMATCH,
          source.stepId(),
          p.path(),
          p.name(),
          p.type(),
          produced,
          fix);
    }
  }

  private TypeMirror boxed(TypeMirror type) {
    return type.getKind().isPrimitive()
        ? types.boxedClass(types.getPrimitiveType(type.getKind())).asType()
        : type;
  }
}
