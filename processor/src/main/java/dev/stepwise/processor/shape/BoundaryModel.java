package dev.stepwise.processor.shape;

import dev.stepwise.processor.model.ParamKind;
import dev.stepwise.processor.model.ParamModel;
import dev.stepwise.processor.model.StepModel;
import dev.stepwise.processor.model.StepOptionsModel;
import dev.stepwise.processor.model.WorkflowModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/**
 * A type crossing a step boundary, which gets a validator and a JSON Schema: the input, a step's
 * output, a resume payload, an event's payload.
 *
 * @param kind which boundary
 * @param id the step id; the event name for an event; empty for the input
 * @param type the type of the values crossing
 * @param site where an error about the type is reported: the parameter or the step method
 * @param siteMirror the annotation on the site to underline, or null
 * @param description how messages name it, like {@code the output of step reserve()}
 */
public record BoundaryModel(
    Kind kind,
    String id,
    TypeMirror type,
    Element site,
    AnnotationMirror siteMirror,
    String description) {

  /** Mirrors the runtime's {@code Boundary.Kind}. */
  public enum Kind {
    INPUT,
    OUTPUT,
    RESUME,
    EVENT
  }

  /**
   * Every boundary of the workflow: the input first, then per step its output, resume payload and
   * event payload (once per event name: the steps waiting for one event share its type).
   */
  public static List<BoundaryModel> of(WorkflowModel workflow) {
    List<BoundaryModel> boundaries = new ArrayList<>();
    Set<String> events = new HashSet<>();
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
      StepOptionsModel options = step.options();
      if (options.hasEvent() && events.add(options.eventName().name())) {
        ParamModel p = options.event();
        boundaries.add(
            new BoundaryModel(
                Kind.EVENT,
                options.eventName().name(),
                p.type(),
                p.element(),
                p.mirror(),
                "The payload of event \"" + options.eventName().name() + "\""));
      }
    }
    return boundaries;
  }

  /** The name of the schema constant and resource: {@code input}, {@code output/charge}. */
  public String schemaName() {
    return kind == Kind.INPUT ? "input" : kind.name().toLowerCase(Locale.ROOT) + "/" + id;
  }
}
