package dev.stepwise.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/**
 * A type crossing a step boundary, which gets a validator and a JSON Schema: the input, a step's
 * output, a resume payload. Events plug in as one more kind, listed by {@link #of}.
 *
 * @param kind which boundary
 * @param id the step id; empty for the input
 * @param type the type of the values crossing
 * @param site where an error about the type is reported: the parameter or the step method
 * @param siteMirror the annotation on the site to underline, or null
 * @param description how messages name it, like {@code the output of step reserve()}
 */
record BoundaryModel(
    Kind kind,
    String id,
    TypeMirror type,
    Element site,
    AnnotationMirror siteMirror,
    String description) {

  /** Mirrors the runtime's {@code Boundary.Kind}. */
  enum Kind {
    INPUT,
    OUTPUT,
    RESUME
  }

  /** Every boundary of the workflow: the input first, then per step its output and resume. */
  static List<BoundaryModel> of(WorkflowModel workflow) {
    List<BoundaryModel> boundaries = new ArrayList<>();
    workflow
        .allParams()
        .filter(p -> p.kind() == ParamKind.INPUT)
        .findFirst()
        .ifPresent(
            p ->
                boundaries.add(
                    new BoundaryModel(
                        Kind.INPUT,
                        "",
                        p.type(),
                        p.element(),
                        p.mirror(),
                        "The input of workflow " + workflow.name())));
    for (StepModel step : workflow.steps()) {
      if (!step.isVoid()) {
        boundaries.add(
            new BoundaryModel(
                Kind.OUTPUT,
                step.stepId(),
                step.output(),
                step.method(),
                null,
                "The output of step " + step.stepId() + "()"));
      }
      step.resume()
          .filter(ParamModel::isOptional)
          .ifPresent(
              p ->
                  boundaries.add(
                      new BoundaryModel(
                          Kind.RESUME,
                          step.stepId(),
                          p.optionalOf(),
                          p.element(),
                          p.mirror(),
                          "The resume payload of step " + step.stepId() + "()")));
    }
    return boundaries;
  }

  /** The name of the schema constant and resource: {@code input}, {@code output/charge}. */
  String schemaName() {
    return kind == Kind.INPUT ? "input" : kind.name().toLowerCase(Locale.ROOT) + "/" + id;
  }
}
