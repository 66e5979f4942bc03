package dev.stepwise.processor.parse;

import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.util.Mirrors;
import dev.stepwise.processor.util.Names;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Finds the {@code @Step} and {@code @Condition} methods of a workflow class: its own and those it
 * inherits from its superclasses, which the generated code calls on the workflow instance like any
 * other method (virtually, so an override without annotations is what runs).
 *
 * <p>A method that overrides an inherited step and carries a Stepwise annotation of its own, on
 * itself or a parameter, is a declaration of its own: the inherited one is not used, as in JAX-RS's
 * annotation inheritance. Interfaces are not searched.
 */
final class StepMethods {
  private final Diagnostics diag;
  private final Elements elements;

  StepMethods(Diagnostics diag, Elements elements) {
    this.diag = diag;
    this.elements = elements;
  }

  /**
   * The step and condition methods of {@code type}: the root-most superclass's first, the class's
   * own last, each class's in declaration order, so the graph (and the generated code) is
   * deterministic. Reports inherited methods the generated code cannot call, on {@code workflow}.
   */
  List<ExecutableElement> of(TypeElement type, AnnotationMirror workflow) {
    List<TypeElement> chain = Mirrors.classAndSuperclasses(type);
    List<ExecutableElement> found = new ArrayList<>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      List<TypeElement> below = chain.subList(0, i);
      for (ExecutableElement method : ElementFilter.methodsIn(chain.get(i).getEnclosedElements())) {
        if (!isStepOrCondition(method) || replacedBelow(method, below, type)) {
          continue;
        }
        if (i > 0) {
          checkCallable(type, workflow, method, callee(method, below, type));
        }
        found.add(method);
      }
    }
    return found;
  }

  private static boolean isStepOrCondition(ExecutableElement method) {
    return Mirrors.find(method, Names.STEP).isPresent()
        || Mirrors.find(method, Names.CONDITION).isPresent();
  }

  /** Whether a subclass re-declares the method with Stepwise annotations of its own. */
  private boolean replacedBelow(
      ExecutableElement method, List<TypeElement> below, TypeElement type) {
    return overriders(method, below, type).stream().anyMatch(StepMethods::hasDslAnnotation);
  }

  /**
   * The method the generated {@code workflow.name(...)} resolves to: the most derived override, for
   * its access modifier is the one that counts.
   */
  private ExecutableElement callee(
      ExecutableElement method, List<TypeElement> below, TypeElement type) {
    List<ExecutableElement> overriders = overriders(method, below, type);
    return overriders.isEmpty() ? method : overriders.get(0);
  }

  /** Methods of the classes {@code below} (most derived first) that override or hide it. */
  private List<ExecutableElement> overriders(
      ExecutableElement method, List<TypeElement> below, TypeElement type) {
    List<ExecutableElement> overriders = new ArrayList<>();
    for (TypeElement subclass : below) {
      for (ExecutableElement m : ElementFilter.methodsIn(subclass.getEnclosedElements())) {
        if (m.getSimpleName().equals(method.getSimpleName())
            && (elements.overrides(m, method, type) || elements.hides(m, method))) {
          overriders.add(m);
        }
      }
    }
    return overriders;
  }

  private static boolean hasDslAnnotation(ExecutableElement method) {
    if (method.getAnnotationMirrors().stream().anyMatch(StepMethods::isDsl)) {
      return true;
    }
    for (VariableElement p : method.getParameters()) {
      if (p.getAnnotationMirrors().stream().anyMatch(StepMethods::isDsl)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDsl(AnnotationMirror mirror) {
    TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
    return annotation.getEnclosingElement() instanceof PackageElement p
        && p.getQualifiedName().contentEquals(Names.DSL);
  }

  /**
   * The generated code lives in the workflow's package and is no subclass: it can call a public
   * method, or a protected or package-private one declared in that same package. A private method
   * is not inherited at all and is reported as private by the method parser.
   */
  private void checkCallable(
      TypeElement type,
      AnnotationMirror workflow,
      ExecutableElement method,
      ExecutableElement callee) {
    if (callee.getModifiers().contains(Modifier.PUBLIC)
        || callee.getModifiers().contains(Modifier.PRIVATE)) {
      return;
    }
    PackageElement generated = elements.getPackageOf(type);
    TypeElement calleeOwner = (TypeElement) callee.getEnclosingElement();
    if (elements.getPackageOf(calleeOwner).equals(generated)) {
      return;
    }
    boolean isProtected = callee.getModifiers().contains(Modifier.PROTECTED);
    String kind = Mirrors.find(method, Names.STEP).isPresent() ? "Step" : "Condition";
    diag.error(
        type,
        workflow,
        null,
        Messages.STEP_INHERITED_INACCESSIBLE,
        kind,
        method.getSimpleName(),
        calleeOwner.getQualifiedName(),
        isProtected ? "protected" : "package-private",
        type.getSimpleName(),
        isProtected
            ? "make it public, or override it in " + type.getSimpleName()
            : "make it public");
  }
}
