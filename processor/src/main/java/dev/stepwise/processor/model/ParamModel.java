package dev.stepwise.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One parameter of a step or condition.
 *
 * @param element the parameter
 * @param kind where its value comes from
 * @param mirror its {@code @Input}/{@code @From}/{@code @Resume} annotation; null for a context
 * @param from the step read by {@code @From}; null for other kinds
 * @param path the {@code @From} path; empty for the whole output or other kinds
 * @param pathValue the written {@code path} value, or null
 * @param type the declared type
 * @param optionalOf T when the declared type is {@code Optional<T>}, else null
 */
public record ParamModel(
    VariableElement element,
    ParamKind kind,
    AnnotationMirror mirror,
    Ref from,
    String path,
    AnnotationValue pathValue,
    TypeMirror type,
    TypeMirror optionalOf) {

  public String name() {
    return element.getSimpleName().toString();
  }

  public boolean isOptional() {
    return optionalOf != null;
  }

  /** The type of the value itself: T for {@code Optional<T>}, else the declared type. */
  public TypeMirror valueType() {
    return optionalOf != null ? optionalOf : type;
  }
}
