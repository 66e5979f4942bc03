package dev.stepwise.processor.parse;

import dev.stepwise.processor.diagnostics.Diagnostics;
import dev.stepwise.processor.diagnostics.Messages;
import dev.stepwise.processor.util.Mirrors;
import dev.stepwise.processor.util.Names;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reports DSL annotations placed where they have no effect. Their {@code @Target}s let javac accept
 * {@code @After} on any method or {@code @Input} on any parameter, and the parsers only read what
 * hangs on a {@code @Step} or {@code @Condition} of a {@code @Workflow}: without these errors such
 * an annotation would be ignored without a word. Each error goes on the annotation itself.
 */
public final class PlacementValidator {
  /** Annotations that only configure a step: on any other method they do nothing. */
  private static final List<String> STEP_OPTIONS =
      List.of(Names.AFTER, Names.PARALLEL, Names.RETRY);

  /** Annotations that say where a parameter's value comes from. */
  private static final List<String> PARAMETER_SOURCES =
      List.of(Names.INPUT, Names.FROM, Names.RESUME, Names.EVENT, Names.ITEM, Names.PREVIOUS);

  private final Diagnostics diag;
  private final Elements elements;

  /** Qualified names of the types with a misplaced annotation, across rounds. */
  private final Set<String> reported = new HashSet<>();

  public PlacementValidator(Diagnostics diag, Elements elements) {
    this.diag = diag;
    this.elements = elements;
  }

  /** Checks every DSL annotation of this round's elements, outside workflows too. */
  public void check(RoundEnvironment round) {
    for (String name : List.of(Names.STEP, Names.CONDITION)) {
      annotated(round, name).forEach(e -> checkStepOrCondition(e, name));
    }
    for (String name : STEP_OPTIONS) {
      annotated(round, name).forEach(e -> checkStepOption(e, name));
    }
    for (String name : PARAMETER_SOURCES) {
      annotated(round, name).forEach(e -> checkParameterSource(e, name));
    }
    for (String name : List.of(Names.SCHEDULE, Names.SCHEDULES)) {
      annotated(round, name).forEach(e -> checkSchedule(e, name));
    }
  }

  /** A {@code @Schedule} starts the workflow it is on: on any other type nothing would fire it. */
  private void checkSchedule(Element type, String name) {
    if (!isWorkflow(type)) {
      error(
          type,
          name,
          Messages.SCHEDULE_WITHOUT_WORKFLOW,
          type.getSimpleName(),
          type.getSimpleName());
    }
  }

  /**
   * Whether a member of this type carries a misplaced annotation: then, like a workflow with any
   * other error, it generates nothing.
   */
  public boolean reportedIn(TypeElement type) {
    return reported.contains(type.getQualifiedName().toString());
  }

  /**
   * {@code @Step} and {@code @Condition} only mean something inside a {@code @Workflow} class, or
   * an abstract class whose steps {@code @Workflow} subclasses inherit (perhaps compiled later, in
   * another module, so the subclasses cannot be looked for here).
   */
  private void checkStepOrCondition(Element method, String name) {
    Element owner = method.getEnclosingElement();
    if (isWorkflow(owner)
        || (owner.getKind() == ElementKind.CLASS
            && owner.getModifiers().contains(Modifier.ABSTRACT))) {
      return;
    }
    String simpleName = simpleName(name);
    error(
        method,
        name,
        Messages.STEP_OUTSIDE_WORKFLOW,
        simpleName,
        method.getSimpleName(),
        owner.getSimpleName(),
        simpleName);
  }

  private void checkStepOption(Element element, String name) {
    if (element.getKind() != ElementKind.METHOD) {
      if (name.equals(Names.RETRY) && !isWorkflow(element)) {
        error(
            element,
            name,
            Messages.RETRY_WITHOUT_WORKFLOW,
            element.getSimpleName(),
            element.getSimpleName());
      }
      return;
    }
    if (isStep(element)) {
      // A @Step outside a workflow is reported once, on @Step: adding @Workflow fixes its options
      // and parameters too, so they are not reported again.
      return;
    }
    String simpleName = simpleName(name);
    error(
        element,
        name,
        Messages.ANNOTATION_WITHOUT_STEP,
        simpleName,
        element.getSimpleName(),
        element.getSimpleName(),
        simpleName);
  }

  private void checkParameterSource(Element parameter, String name) {
    Element executable = parameter.getEnclosingElement();
    if (isStep(executable) || isCondition(executable)) {
      return;
    }
    String simpleName = simpleName(name);
    if (executable.getKind() == ElementKind.CONSTRUCTOR) {
      error(
          parameter,
          name,
          Messages.PARAMETER_SOURCE_ON_CONSTRUCTOR,
          simpleName,
          parameter.getSimpleName(),
          executable.getEnclosingElement().getSimpleName(),
          simpleName);
    } else {
      error(
          parameter,
          name,
          Messages.PARAMETER_SOURCE_WITHOUT_STEP,
          simpleName,
          parameter.getSimpleName(),
          executable.getSimpleName(),
          executable.getSimpleName(),
          simpleName);
    }
  }

  private static boolean isStep(Element method) {
    return Mirrors.find(method, Names.STEP).isPresent();
  }

  private static boolean isCondition(Element method) {
    return Mirrors.find(method, Names.CONDITION).isPresent();
  }

  private static boolean isWorkflow(Element type) {
    return Mirrors.find(type, Names.WORKFLOW).isPresent();
  }

  /** Reports on the annotation, so the IDE underlines it rather than the whole declaration. */
  private void error(Element element, String annotation, Messages message, Object... args) {
    AnnotationMirror mirror = Mirrors.find(element, annotation).orElse(null);
    diag.error(element, mirror, null, message, args);
    TypeElement owner = owningType(element);
    if (owner != null) {
      reported.add(owner.getQualifiedName().toString());
    }
  }

  private static TypeElement owningType(Element element) {
    Element e = element;
    while (e != null && !(e instanceof TypeElement)) {
      e = e.getEnclosingElement();
    }
    return (TypeElement) e;
  }

  private Set<? extends Element> annotated(RoundEnvironment round, String name) {
    TypeElement annotation = elements.getTypeElement(name);
    return annotation == null ? Set.of() : round.getElementsAnnotatedWith(annotation);
  }

  private static String simpleName(String qualifiedName) {
    return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
  }
}
