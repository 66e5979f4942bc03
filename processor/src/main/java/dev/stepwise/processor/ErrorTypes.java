package dev.stepwise.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/** Detects unresolved types in a workflow's step and condition signatures. */
final class ErrorTypes {

  /** True if a step or condition signature mentions a type javac could not resolve (yet). */
  boolean mentionedBy(TypeElement type) {
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (Mirrors.find(method, Names.STEP).isEmpty()
          && Mirrors.find(method, Names.CONDITION).isEmpty()) {
        continue;
      }
      if (isErroneous(method.getReturnType())) {
        return true;
      }
      for (VariableElement p : method.getParameters()) {
        if (isErroneous(p.asType())) {
          return true;
        }
      }
    }
    return false;
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
