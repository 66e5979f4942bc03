package dev.stepwise.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/** One {@code @Condition} method; its name is the method name. */
public record ConditionModel(
    ExecutableElement method, AnnotationMirror mirror, List<ParamModel> params) {

  public String name() {
    return method.getSimpleName().toString();
  }

  public boolean isStatic() {
    return method.getModifiers().contains(Modifier.STATIC);
  }
}
