package dev.stepwise.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * One {@code @Step} method.
 *
 * @param method the method
 * @param mirror its {@code @Step}
 * @param id the step id, with the written {@code id} value if any
 * @param afterMirror its {@code @After}, or null for a root
 * @param after the predecessors as written, in order
 * @param join the join kind
 * @param when the {@code when} condition, or null
 * @param unless the {@code unless} condition, or null
 * @param retry the effective retry policy (own, else the class's), or null for none
 * @param ownRetry whether {@code retry} is declared on the step itself
 * @param params the parameters in order
 * @param output the return type ({@code void} allowed)
 * @param options timers, timeouts and the other step options
 */
public record StepModel(
    ExecutableElement method,
    AnnotationMirror mirror,
    Ref id,
    AnnotationMirror afterMirror,
    List<Ref> after,
    JoinKind join,
    Ref when,
    Ref unless,
    RetryModel retry,
    boolean ownRetry,
    List<ParamModel> params,
    TypeMirror output,
    StepOptionsModel options) {

  public String stepId() {
    return id.name();
  }

  public boolean isVoid() {
    return output.getKind() == TypeKind.VOID;
  }

  public Optional<ParamModel> resume() {
    return params.stream().filter(p -> p.kind() == ParamKind.RESUME).findFirst();
  }

  public boolean suspendable() {
    return resume().isPresent();
  }

  /** The ids of the predecessors, in order. */
  public List<String> afterIds() {
    return after.stream().map(Ref::name).toList();
  }
}
