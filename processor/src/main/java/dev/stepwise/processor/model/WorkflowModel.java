package dev.stepwise.processor.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * One parsed {@code @Workflow} class: the input of the graph validators and the writers.
 *
 * @param type the workflow class
 * @param mirror its {@code @Workflow}
 * @param name the workflow name
 * @param result the explicit result step, or null
 * @param steps the steps in declaration order
 * @param conditions the conditions in declaration order
 * @param flow its queue, concurrency key, run limits and schedules
 */
public record WorkflowModel(
    TypeElement type,
    AnnotationMirror mirror,
    String name,
    Ref result,
    List<StepModel> steps,
    List<ConditionModel> conditions,
    FlowModel flow) {

  /** The queue the step waits for: its own {@code @Step(queue)}, else the workflow's, or null. */
  public QueueModel queueOf(StepModel step) {
    return step.options().queue() != null ? step.options().queue() : flow.queue();
  }

  /** Steps by id; the first declaration wins when ids are duplicated (already an error). */
  public Map<String, StepModel> stepsById() {
    Map<String, StepModel> byId = new LinkedHashMap<>();
    steps.forEach(s -> byId.putIfAbsent(s.stepId(), s));
    return byId;
  }

  Optional<StepModel> step(String id) {
    return Optional.ofNullable(stepsById().get(id));
  }

  public Map<String, ConditionModel> conditionsByName() {
    Map<String, ConditionModel> byName = new LinkedHashMap<>();
    conditions.forEach(c -> byName.putIfAbsent(c.name(), c));
    return byName;
  }

  /** The first {@code @Input} parameter, whose type is the workflow's input type, if any. */
  public Optional<ParamModel> input() {
    return allParams().filter(p -> p.kind() == ParamKind.INPUT).findFirst();
  }

  /** Every parameter of every step and condition, in declaration order. */
  public Stream<ParamModel> allParams() {
    return Stream.concat(
        steps.stream().flatMap(s -> s.params().stream()),
        conditions.stream().flatMap(c -> c.params().stream()));
  }

  /** The steps using the condition, as {@code when} or {@code unless}. */
  public List<StepModel> usersOf(String condition) {
    return steps.stream()
        .filter(
            s ->
                (s.when() != null && s.when().name().equals(condition))
                    || (s.unless() != null && s.unless().name().equals(condition)))
        .toList();
  }
}
