package dev.stepwise.processor.parse;

import com.palantir.javapoet.TypeName;
import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.model.ParamKind;
import dev.stepwise.processor.model.ParamModel;
import dev.stepwise.processor.model.Ref;
import dev.stepwise.processor.util.Mirrors;
import dev.stepwise.processor.util.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;

/** Classifies a step or condition parameter by where its value comes from (@Input, @From, ...). */
final class ParamParser {
  private final Diagnostics diag;
  private final Mirrors mirrors;

  ParamParser(Diagnostics diag, Mirrors mirrors) {
    this.diag = diag;
    this.mirrors = mirrors;
  }

  /**
   * Parses every parameter and returns the valid ones; invalid ones are reported and left out, so
   * that the graph rules still see the method without repeating the error. {@code signature} is the
   * method as a member of the workflow class: for a step inherited from a generic superclass, its
   * parameter types are the workflow's type arguments, not the superclass's type variables.
   */
  List<ParamModel> parseAll(ExecutableElement method, ExecutableType signature) {
    List<ParamModel> params = new ArrayList<>();
    List<? extends VariableElement> elements = method.getParameters();
    for (int i = 0; i < elements.size(); i++) {
      parse(elements.get(i), signature.getParameterTypes().get(i), method).ifPresent(params::add);
    }
    return params;
  }

  private Optional<ParamModel> parse(VariableElement p, TypeMirror type, ExecutableElement method) {
    Optional<AnnotationMirror> input = Mirrors.find(p, Names.INPUT);
    Optional<AnnotationMirror> from = Mirrors.find(p, Names.FROM);
    Optional<AnnotationMirror> resume = Mirrors.find(p, Names.RESUME);
    Optional<AnnotationMirror> item = Mirrors.find(p, Names.ITEM);
    Optional<AnnotationMirror> event = Mirrors.find(p, Names.EVENT);
    Optional<AnnotationMirror> previous = Mirrors.find(p, Names.PREVIOUS);
    boolean context = Mirrors.isNamed(type, Names.STEP_CONTEXT_NAME);
    boolean transaction = Mirrors.isNamed(type, Names.DSL_CONTEXT_NAME);
    List<String> kinds = new ArrayList<>();
    input.ifPresent(m -> kinds.add("@Input"));
    from.ifPresent(m -> kinds.add("@From"));
    resume.ifPresent(m -> kinds.add("@Resume"));
    item.ifPresent(m -> kinds.add("@Item"));
    event.ifPresent(m -> kinds.add("@Event"));
    previous.ifPresent(m -> kinds.add("@Previous"));
    if (context) {
      kinds.add("type StepContext");
    }
    if (transaction) {
      kinds.add("type DSLContext");
    }
    if (kinds.isEmpty()) {
      diag.error(p, Messages.PARAM_NO_KIND, p.getSimpleName(), method.getSimpleName());
      return Optional.empty();
    }
    if (kinds.size() > 1) {
      diag.error(
          p,
          Messages.PARAM_TWO_KINDS,
          p.getSimpleName(),
          method.getSimpleName(),
          String.join(" and ", kinds));
      return Optional.empty();
    }
    TypeMirror optionalOf = optionalArgument(type);
    if (input.isPresent()) {
      return Optional.of(param(p, type, ParamKind.INPUT, input.get(), null, "", null, optionalOf));
    }
    if (from.isPresent()) {
      AnnotationMirror m = from.get();
      Ref step = new Ref(mirrors.string(m, "value"), Mirrors.explicitValue(m, "value"));
      String path = mirrors.string(m, "path");
      return Optional.of(
          param(
              p,
              type,
              ParamKind.FROM,
              m,
              step,
              path,
              Mirrors.explicitValue(m, "path"),
              optionalOf));
    }
    if (resume.isPresent()) {
      if (optionalOf == null) {
        diag.error(
            p,
            resume.get(),
            null,
            Messages.RESUME_NOT_OPTIONAL,
            p.getSimpleName(),
            type,
            TypeName.get(type).box()); // boxed: Optional<int> is not a type
        return Optional.empty();
      }
      return Optional.of(
          param(p, type, ParamKind.RESUME, resume.get(), null, "", null, optionalOf));
    }
    if (previous.isPresent()) {
      // Its type is checked against the step's output by PreviousValidator, which knows the step.
      return Optional.of(
          param(p, type, ParamKind.PREVIOUS, previous.get(), null, "", null, optionalOf));
    }
    if (transaction) {
      return Optional.of(param(p, type, ParamKind.TRANSACTION, null, null, "", null, null));
    }
    if (event.isPresent()) {
      return Optional.of(param(p, type, ParamKind.EVENT, event.get(), null, "", null, null));
    }
    if (item.isPresent()) {
      return Optional.of(param(p, type, ParamKind.ITEM, item.get(), null, "", null, null));
    }
    return Optional.of(param(p, type, ParamKind.CONTEXT, null, null, "", null, null));
  }

  private static ParamModel param(
      VariableElement p,
      TypeMirror type,
      ParamKind kind,
      AnnotationMirror mirror,
      Ref from,
      String path,
      AnnotationValue pathValue,
      TypeMirror optionalOf) {
    return new ParamModel(p, kind, mirror, from, path, pathValue, type, optionalOf);
  }

  /** T for {@code java.util.Optional<T>}, else null. */
  static TypeMirror optionalArgument(TypeMirror type) {
    if (!Mirrors.isNamed(type, "java.util.Optional")) {
      return null;
    }
    List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
    return args.size() == 1 ? args.get(0) : null;
  }
}
