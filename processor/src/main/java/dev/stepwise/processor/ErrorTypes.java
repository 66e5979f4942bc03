package dev.stepwise.processor;

import dev.stepwise.processor.util.Mirrors;
import dev.stepwise.processor.util.Names;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/** Detects unresolved types and constants in what the processor reads of a workflow. */
final class ErrorTypes {

  /**
   * True if a step or condition signature, or an annotation on the class, its methods or their
   * parameters, mentions a type or constant javac could not resolve (yet).
   */
  boolean mentionedBy(TypeElement type) {
    if (hasErroneousValue(type)) {
      return true;
    }
    // Inherited steps count too: the parser reads them as the class's own.
    for (TypeElement t : Mirrors.classAndSuperclasses(type)) {
      for (ExecutableElement method : ElementFilter.methodsIn(t.getEnclosedElements())) {
        if (isStepOrCondition(method) && hasErroneousSignature(method)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isStepOrCondition(ExecutableElement method) {
    return Mirrors.find(method, Names.STEP).isPresent()
        || Mirrors.find(method, Names.CONDITION).isPresent();
  }

  private static boolean hasErroneousSignature(ExecutableElement method) {
    if (isErroneous(method.getReturnType()) || hasErroneousValue(method)) {
      return true;
    }
    for (VariableElement p : method.getParameters()) {
      if (isErroneous(p.asType()) || hasErroneousValue(p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasErroneousValue(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      for (AnnotationValue value : mirror.getElementValues().values()) {
        if (isErroneous(value)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * javac hands an unresolvable constant over as the string {@code "<error>"} and an unresolvable
   * class literal as an error type; without this check they would surface as bogus step ids.
   */
  private static boolean isErroneous(AnnotationValue value) {
    Object raw = value.getValue();
    if (raw instanceof List<?> values) {
      return values.stream().anyMatch(v -> v instanceof AnnotationValue a && isErroneous(a));
    }
    if (raw instanceof TypeMirror type) {
      return isErroneous(type);
    }
    return "<error>".equals(raw);
  }

  private static boolean isErroneous(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return isErroneous(((ArrayType) type).getComponentType());
    }
    if (type.getKind() == TypeKind.DECLARED) {
      List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
      return args.stream().anyMatch(ErrorTypes::isErroneous);
    }
    return false;
  }
}
